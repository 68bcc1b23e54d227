import type { Db } from "@ntm/db";
import { endOfYear } from "@ntm/domain";
import { AppError, notFound } from "../../http/app-error.ts";
import type { AuthUser } from "../auth/auth-user.ts";
import { recordAudit } from "../../shared/audit.ts";
import { toEvidenceDto } from "../assessments/assessments.service.ts";
import { evaluateUnit } from "../assessments/evaluation.service.ts";
import { indexIndicators } from "../assessments/validate-values.ts";
import { requireUnitAccess } from "../units/units.service.ts";
import { deleteEvidence, findEvidence, insertEvidence } from "./evidence.repository.ts";
import {
  detectEvidenceType,
  evidenceTypes,
  maxEvidenceBytes,
  readEvidenceFile,
  removeEvidenceFile,
  storeEvidenceFile,
} from "./evidence-storage.ts";

const allowedList = Object.keys(evidenceTypes).join(", ");

/** Stores an evidence file for one indicator; the file is checked by extension and content. */
export async function uploadEvidence(
  db: Db,
  options: {
    user: AuthUser;
    dataDir: string;
    code: string;
    year: number;
    indicatorCode: string;
    fileName: string;
    content: Buffer;
    truncated: boolean;
  },
) {
  const { user, code, year } = options;
  await requireUnitAccess(db, { user, code, asOf: endOfYear(year), action: "assessment.write" });
  if (options.truncated || options.content.length > maxEvidenceBytes) {
    throw new AppError({
      code: "PAYLOAD_TOO_LARGE",
      vi: "Tệp minh chứng vượt quá 10 MB.",
      en: "Evidence files are limited to 10 MB.",
    });
  }
  if (options.content.length === 0) {
    throw new AppError({ code: "VALIDATION_FAILED", vi: "Tệp rỗng.", en: "The file is empty." });
  }
  const type = detectEvidenceType(options.fileName, options.content);
  if (!type) {
    throw new AppError({
      code: "UNSUPPORTED_MEDIA_TYPE",
      vi: `Loại tệp không được chấp nhận hoặc nội dung không khớp đuôi tệp. Chấp nhận: ${allowedList}.`,
      en: `File type not accepted or content does not match its extension. Accepted: ${allowedList}.`,
    });
  }
  const evaluation = await evaluateUnit(db, { unitCode: code, year });
  if (!indexIndicators(evaluation.set.definition).has(options.indicatorCode)) {
    throw new AppError({
      code: "VALIDATION_FAILED",
      vi: `Không có chỉ tiêu mã ${options.indicatorCode}.`,
      en: `No indicator ${options.indicatorCode}.`,
    });
  }
  const storageKey = await storeEvidenceFile({ ...options, unitCode: code });
  try {
    const row = await db.transaction(async (tx) => {
      const inserted = await insertEvidence(tx, {
        unitCode: code,
        year,
        indicatorCode: options.indicatorCode,
        fileName: options.fileName,
        mimeType: type.mimeType,
        size: options.content.length,
        storageKey,
        uploadedBy: user.username,
      });
      await recordAudit(tx, {
        kind: "evidence.upload",
        by: user,
        key: `${code}/${year}/${options.indicatorCode}`,
        unitCode: code,
        new: { evidenceId: inserted.id, fileName: options.fileName, size: inserted.size },
      });
      return inserted;
    });
    return toEvidenceDto(row);
  } catch (error) {
    await removeEvidenceFile(options.dataDir, storageKey);
    throw error;
  }
}

async function requireEvidence(
  db: Db,
  options: { user: AuthUser; id: number; action: "unit.read" | "assessment.write" },
) {
  const row = await findEvidence(db, options.id);
  if (!row) throw notFound("Không tìm thấy tệp minh chứng.", "Evidence file not found.");
  await requireUnitAccess(db, {
    user: options.user,
    code: row.unitCode,
    asOf: endOfYear(row.year),
    action: options.action,
  });
  return row;
}

/** The file, served only to users allowed to see the commune. */
export async function downloadEvidence(
  db: Db,
  options: { user: AuthUser; dataDir: string; id: number },
) {
  const row = await requireEvidence(db, { ...options, action: "unit.read" });
  const content = await readEvidenceFile(options.dataDir, row.storageKey);
  return { row, content };
}

export async function removeEvidence(
  db: Db,
  options: { user: AuthUser; dataDir: string; id: number },
) {
  const row = await requireEvidence(db, { ...options, action: "assessment.write" });
  await db.transaction(async (tx) => {
    await deleteEvidence(tx, row.id);
    await recordAudit(tx, {
      kind: "evidence.delete",
      by: options.user,
      key: `${row.unitCode}/${row.year}/${row.indicatorCode}`,
      unitCode: row.unitCode,
      old: { evidenceId: row.id, fileName: row.fileName, size: row.size },
    });
  });
  await removeEvidenceFile(options.dataDir, row.storageKey);
}
