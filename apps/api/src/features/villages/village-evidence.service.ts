import type { Db } from "@ntm/db";
import { endOfYear, type UnitAction } from "@ntm/domain";
import { invalid, notFound } from "../../http/app-error.ts";
import { allows } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import type { FileStorage } from "../../shared/storage/index.ts";
import { readStoredFile } from "../../shared/storage/read-stored-file.ts";
import { indexIndicators, toEvidenceDto } from "../assessments/index.ts";
import type { AuthUser } from "../auth/index.ts";
import { assertEvidenceFile, evidenceKey } from "../evidence/index.ts";
import { assertVillageInYear, requireVillage } from "./village-context.ts";
import {
  deleteVillageEvidence,
  findVillageEvidence,
  findVillageEvidenceFiles,
  insertVillageEvidence,
} from "./village-evidence.repository.ts";
import { requireVillageSet } from "./village-sets.ts";

interface AssessmentKey {
  code: string;
  setCode: string;
  year: number;
}

/** The village in force at the end of the year, the action checked, and its set that year. */
async function requireVillageAssessment(
  db: Db,
  options: AssessmentKey & { user: AuthUser; action: UnitAction },
) {
  const context = await requireVillage(db, {
    user: options.user,
    code: options.code,
    asOf: endOfYear(options.year),
    action: options.action,
  });
  assertVillageInYear(context.village, options.year);
  const set = await requireVillageSet(db, { ...context, ...options });
  return { context, set };
}

/** A village's evidence files under a set for a year, and whether the account may change them. */
export async function listVillageEvidence(db: Db, options: AssessmentKey & { user: AuthUser }) {
  const { context, set } = await requireVillageAssessment(db, { ...options, action: "unit.read" });
  const rows = await findVillageEvidenceFiles(db, {
    unitCode: context.village.code,
    year: options.year,
    setCode: set.code,
  });
  return {
    files: rows.map(toEvidenceDto),
    canWrite: allows(options.user, "village.evidence.write", context.resource),
  };
}

/**
 * Stores an evidence file for a village's indicator under a set and year, checked as commune
 * evidence is (extension and content, 10 MB); the file is stored before its row commits and
 * removed if that fails.
 */
export async function uploadVillageEvidence(
  db: Db,
  options: AssessmentKey & {
    user: AuthUser;
    storage: FileStorage;
    indicatorCode: string;
    fileName: string;
    content: Buffer;
    truncated: boolean;
  },
) {
  const { user, year } = options;
  const { context, set } = await requireVillageAssessment(db, {
    ...options,
    action: "village.evidence.write",
  });
  const type = assertEvidenceFile(options);
  if (!indexIndicators(set.definition).has(options.indicatorCode)) {
    throw invalid(
      `Bộ tiêu chí thôn ${set.code} không có chỉ tiêu mã ${options.indicatorCode}.`,
      `The village set ${set.code} has no indicator ${options.indicatorCode}.`,
    );
  }
  const unitCode = context.village.code;
  const storageKey = evidenceKey({ unitCode, year, fileName: options.fileName });
  await options.storage.put(storageKey, options.content, { contentType: type.mimeType });
  try {
    const row = await db.transaction(async (tx) => {
      const inserted = await insertVillageEvidence(tx, {
        unitCode,
        year,
        setCode: set.code,
        indicatorCode: options.indicatorCode,
        fileName: options.fileName,
        mimeType: type.mimeType,
        size: options.content.length,
        storageKey,
        uploadedBy: user.username,
      });
      await recordAudit(tx, {
        kind: "village.evidence.upload",
        by: user,
        key: `${unitCode}/${year}/${set.code}/${options.indicatorCode}`,
        unitCode,
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

async function requireVillageEvidence(
  db: Db,
  options: { user: AuthUser; id: number; action: UnitAction },
) {
  const row = await findVillageEvidence(db, options.id);
  if (!row) throw notFound("Không tìm thấy tệp minh chứng.", "Evidence file not found.");
  await requireVillage(db, {
    user: options.user,
    code: row.unitCode,
    asOf: endOfYear(row.year),
    action: options.action,
  });
  return row;
}

/** The file as a stream, served only to accounts that may read the village. */
export async function downloadVillageEvidence(
  db: Db,
  options: { user: AuthUser; storage: FileStorage; id: number },
) {
  const row = await requireVillageEvidence(db, { ...options, action: "unit.read" });
  const content = await readStoredFile(options.storage, row.storageKey);
  return { row, content };
}

export async function removeVillageEvidence(
  db: Db,
  options: { user: AuthUser; storage: FileStorage; id: number },
) {
  const row = await requireVillageEvidence(db, { ...options, action: "village.evidence.write" });
  await db.transaction(async (tx) => {
    await deleteVillageEvidence(tx, row.id);
    await recordAudit(tx, {
      kind: "village.evidence.delete",
      by: options.user,
      key: `${row.unitCode}/${row.year}/${row.setCode}/${row.indicatorCode}`,
      unitCode: row.unitCode,
      old: { evidenceId: row.id, fileName: row.fileName, size: row.size },
    });
  });
  await options.storage.delete(row.storageKey);
}
