import type ExcelJS from "exceljs";
import type PDFDocument from "pdfkit";

/** Loads a package the first time it is asked for, and once. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => (loading ??= load());
}

// These serve only spreadsheets and PDF files, and loading them took about 0.4 s of CPU of every
// start (ExcelJS 0.23 s, PDFKit 0.16 s) when every module imported them at its top.
export const loadExcelJs = once(
  async (): Promise<typeof ExcelJS> => (await import("exceljs")).default,
);
export const loadPdfKit = once(
  async (): Promise<typeof PDFDocument> => (await import("pdfkit")).default,
);
