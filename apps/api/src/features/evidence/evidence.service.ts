import type { Db } from "@ntm/db";
import { endOfYear, type EvidenceResource, type UnitResource } from "@ntm/domain";
import { AppError, notFound } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { recordAudit } from "../../shared/audit.ts";
import type { FileStorage } from "../../shared/storage/index.ts";
import { readStoredFile } from "../../shared/storage/read-stored-file.ts";
import { toEvidenceDto } from "../assessments/index.ts";
import { evaluateUnit } from "../assessments/index.ts";
import { indexIndicators } from "../assessments/index.ts";
import { requireUnitAccess } from "../units/index.ts";
import { deleteEvidence, findEvidence, insertEvidence } from "./evidence.repository.ts";
import { assertEvidenceFile } from "./evidence-file-check.ts";
import { evidenceKey } from "./evidence-storage.ts";

const unknownIndicator = (code: string) =>
  new AppError({
    code: "VALIDATION_FAILED",
    vi: `Không có chỉ tiêu mã ${code}.`,
    en: `No indicator ${code}.`,
  });

/**
 * An indicator's evidence as the access policy sees it: the unit and the indicator's criterion in
 * the set that applies to the unit that year (none for an indicator outside every criterion).
 */
async function evidenceResource(
  db: Db,
  unit: UnitResource,
  options: { year: number; indicatorCode: string },
): Promise<EvidenceResource | null> {
  const evaluation = await evaluateUnit(db, { unitCode: unit.unitCode, year: options.year });
  const place = indexIndicators(evaluation.set.definition).get(options.indicatorCode);
  if (!place) return null;
  return {
    ...unit,
    criterion: place.criterionCode
      ? { setCode: evaluation.set.code, criterionCode: place.criterionCode }
      : null,
  };
}

/** Stores an evidence file for one indicator; the file is checked by extension and content. */
export async function uploadEvidence(
  db: Db,
  options: {
    user: AuthUser;
    storage: FileStorage;
    code: string;
    year: number;
    indicatorCode: string;
    fileName: string;
    content: Buffer;
    truncated: boolean;
  },
) {
  const { user, code, year } = options;
  // Whether the account writes any value of the unit, before the file is read; its criterion next.
  const { resource: unit } = await requireUnitAccess(db, {
    user,
    code,
    asOf: endOfYear(year),
    action: "assessment.write",
  });
  const type = assertEvidenceFile(options);
  const resource = await evidenceResource(db, unit, options);
  if (!resource) throw unknownIndicator(options.indicatorCode);
  assertCan(user, "evidence.upload", resource);
  // The file is stored before the row that names it commits, and removed if that fails.
  const storageKey = evidenceKey({ unitCode: code, year, fileName: options.fileName });
  await options.storage.put(storageKey, options.content, { contentType: type.mimeType });
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
    await options.storage.delete(storageKey);
    throw error;
  }
}

async function requireEvidence(
  db: Db,
  options: { user: AuthUser; id: number; action: "evidence.read" | "assessment.write" },
) {
  const row = await findEvidence(db, options.id);
  if (!row) throw notFound("Không tìm thấy tệp minh chứng.", "Evidence file not found.");
  const { resource } = await requireUnitAccess(db, {
    user: options.user,
    code: row.unitCode,
    asOf: endOfYear(row.year),
    action: options.action,
  });
  return { row, resource };
}

/** The file as a stream, served only to users allowed to see the commune. */
export async function downloadEvidence(
  db: Db,
  options: { user: AuthUser; storage: FileStorage; id: number },
) {
  const { row } = await requireEvidence(db, { ...options, action: "evidence.read" });
  const content = await readStoredFile(options.storage, row.storageKey);
  return { row, content };
}

export async function removeEvidence(
  db: Db,
  options: { user: AuthUser; storage: FileStorage; id: number },
) {
  const { row, resource: unit } = await requireEvidence(db, {
    ...options,
    action: "assessment.write",
  });
  // An indicator the set no longer has belongs to no criterion: only non-departments remove it.
  const resource = (await evidenceResource(db, unit, row)) ?? { ...unit, criterion: null };
  assertCan(options.user, "evidence.delete", resource);
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
  await options.storage.delete(row.storageKey);
}
