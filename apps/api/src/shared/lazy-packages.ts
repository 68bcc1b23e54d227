import type ExcelJS from "exceljs";
import type PDFDocument from "pdfkit";

/** Loads a package the first time it is asked for, and once. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}

// These serve only spreadsheets, PDF files, a bucket's files and e-mail, and loading them took
// about 0.55 s of CPU of every start (ExcelJS 0.23 s, PDFKit 0.16 s, the S3 SDK 0.09 s,
// Nodemailer 0.04 s) when the modules that use them imported them at their top.
export const loadExcelJs = once(
  async (): Promise<typeof ExcelJS> => (await import("exceljs")).default,
);
export const loadPdfKit = once(
  async (): Promise<typeof PDFDocument> => (await import("pdfkit")).default,
);
export const loadS3Sdk = once(async () => {
  const [s3, storage] = await Promise.all([
    import("@aws-sdk/client-s3"),
    import("@aws-sdk/lib-storage"),
  ]);
  return { ...s3, Upload: storage.Upload };
});
export const loadNodemailer = once(async () => (await import("nodemailer")).default);
