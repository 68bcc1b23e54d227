import { AppError } from "../../http/app-error.ts";
import { detectEvidenceType, evidenceTypes, maxEvidenceBytes } from "./evidence-storage.ts";

const allowedList = Object.keys(evidenceTypes).join(", ");

/**
 * An uploaded evidence file's checks, for a commune's or a village's value alike: at most 10 MB,
 * not empty, an accepted extension whose content agrees with it. Returns the file's type.
 */
export function assertEvidenceFile(file: {
  fileName: string;
  content: Buffer;
  truncated: boolean;
}) {
  if (file.truncated || file.content.length > maxEvidenceBytes) {
    throw new AppError({
      code: "PAYLOAD_TOO_LARGE",
      vi: "Tệp minh chứng vượt quá 10 MB.",
      en: "Evidence files are limited to 10 MB.",
    });
  }
  if (file.content.length === 0) {
    throw new AppError({ code: "VALIDATION_FAILED", vi: "Tệp rỗng.", en: "The file is empty." });
  }
  const type = detectEvidenceType(file.fileName, file.content);
  if (!type) {
    throw new AppError({
      code: "UNSUPPORTED_MEDIA_TYPE",
      vi: `Loại tệp không được chấp nhận hoặc nội dung không khớp đuôi tệp. Chấp nhận: ${allowedList}.`,
      en: `File type not accepted or content does not match its extension. Accepted: ${allowedList}.`,
    });
  }
  return type;
}
