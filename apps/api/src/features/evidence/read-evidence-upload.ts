import type { FastifyRequest } from "fastify";
import { AppError } from "../../http/app-error.ts";

/** The multipart body of an evidence upload: the `indicatorCode` field, then the file. */
export async function readEvidenceUpload(request: FastifyRequest) {
  const file = await request.file();
  const field = file?.fields.indicatorCode;
  const indicatorCode = field && "value" in field ? String(field.value) : "";
  if (!file || !indicatorCode) {
    throw new AppError({
      code: "VALIDATION_FAILED",
      vi: "Cần gửi trường indicatorCode và một tệp.",
      en: "Send an indicatorCode field and a file.",
    });
  }
  const content = await file.toBuffer();
  return { indicatorCode, fileName: file.filename, content, truncated: file.file.truncated };
}
