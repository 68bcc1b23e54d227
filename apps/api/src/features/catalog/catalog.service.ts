import type { Db } from "@ntm/db";
import { applyAmendment, startOf, type CriteriaSet } from "@ntm/domain";
import {
  catalogAmendmentSchema,
  criteriaSetSchema,
  provincialOverrideSchema,
  type CatalogSetSummary,
} from "@ntm/contracts";
import type { ZodError } from "zod";
import { AppError, invalid, notFound } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { recordAudit } from "../../shared/audit.ts";
import { findAssessmentKeys } from "../assessments/index.ts";
import { evaluateMany } from "../assessments/index.ts";
import { reevaluateVillageSet } from "../villages/index.ts";
import { etagOf } from "../../shared/etag.ts";
import {
  findCatalogGeneration,
  findSetByCodeVersion,
  insertSet,
  listSets,
  type StoredSet,
} from "./catalog.repository.ts";
import { materialiseOverride } from "./materialise-override.ts";
import { cachedSetById } from "./set-cache.ts";

function detailsOf(error: ZodError) {
  return error.issues.slice(0, 50).map((issue) => ({
    path: issue.path.join("."),
    message: issue.message,
  }));
}

function thresholdCounts(set: CriteriaSet) {
  const indicators = [
    ...set.criteria.flatMap((criterion) => criterion.indicators),
    ...set.levels.flatMap((level) => level.conditions ?? []),
  ];
  const rows = indicators.flatMap((indicator) => indicator.thresholds);
  return {
    indicatorCount: set.criteria.reduce((sum, criterion) => sum + criterion.indicators.length, 0),
    thresholdsConfirmed: rows.filter((row) => row.status === "confirmed").length,
    thresholdsUnverified: rows.filter((row) => row.status === "unverified").length,
  };
}

export function summariseSet(stored: StoredSet): CatalogSetSummary {
  const set = stored.definition;
  return {
    id: stored.id,
    code: stored.code,
    version: stored.version,
    name: stored.name,
    unitLevel: stored.unitLevel,
    fromYear: stored.fromYear,
    toYear: stored.toYear,
    provinceCode: stored.provinceCode,
    classificationKind: set.classification.kind,
    levels: set.levels.map((level) => ({ code: level.code, name: level.name })),
    criteriaCount: set.criteria.length,
    ...thresholdCounts(set),
    importedAt: stored.importedAt.toISOString(),
    effectiveFrom: startOf({ ...stored, effectiveFrom: set.effectiveFrom, basis: set.basis }),
    basis: set.basis,
    basedOn: set.basedOn ?? null,
    amendment: set.amendment
      ? {
          basis: set.amendment.basis,
          effectiveFrom: set.amendment.effectiveFrom,
          changedIndicators: set.amendment.changedIndicators,
          ...(set.amendment.note ? { note: set.amendment.note } : {}),
        }
      : null,
    importedBy: stored.importedBy,
  };
}

function kindOf(document: unknown): unknown {
  return typeof document === "object" && document !== null && "kind" in document
    ? (document as { kind: unknown }).kind
    : undefined;
}

/** Checks a built set against the set schema, as every stored version must pass it. */
function checked(set: CriteriaSet, vi: string, en: string): CriteriaSet {
  const check = criteriaSetSchema.safeParse(set);
  if (!check.success) throw invalid(vi, en, detailsOf(check.error));
  return check.data as CriteriaSet;
}

/** An amending decision: a later version of a stored set, in force from its own date. */
async function parseAmendment(db: Db, document: unknown): Promise<CriteriaSet> {
  const parsed = catalogAmendmentSchema.safeParse(document);
  if (!parsed.success) {
    throw invalid(
      "Tệp văn bản sửa đổi bộ tiêu chí không hợp lệ.",
      "Invalid amendment file.",
      detailsOf(parsed.error),
    );
  }
  const { amends } = parsed.data;
  const base = await findSetByCodeVersion(db, amends.code, amends.version);
  if (!base) {
    throw invalid(
      `Chưa có bộ tiêu chí được sửa đổi ${amends.code} phiên bản ${amends.version}.`,
      `The amended set ${amends.code} v${amends.version} is not loaded.`,
    );
  }
  const result = applyAmendment(base.definition, parsed.data);
  if (!result.ok) {
    const codes = result.unknownIndicators.join(", ");
    throw invalid(
      `Bộ tiêu chí được sửa đổi không có chỉ tiêu: ${codes}.`,
      `The amended set has no indicator: ${codes}.`,
    );
  }
  return checked(
    result.set,
    "Bộ tiêu chí sau khi sửa đổi không hợp lệ.",
    "The amended set is invalid.",
  );
}

/**
 * Validates a catalog file: a whole criteria set, a provincial override of a stored set, or an
 * amendment of a stored set.
 */
export async function parseCatalogDocument(db: Db, document: unknown): Promise<CriteriaSet> {
  if (kindOf(document) === "amendment") return parseAmendment(db, document);
  if (kindOf(document) === "provincial-override") {
    const parsed = provincialOverrideSchema.safeParse(document);
    if (!parsed.success) {
      throw invalid(
        "Tệp ghi đè cấp tỉnh không hợp lệ.",
        "Invalid provincial override file.",
        detailsOf(parsed.error),
      );
    }
    const base = await findSetByCodeVersion(
      db,
      parsed.data.basedOn.code,
      parsed.data.basedOn.version,
    );
    if (!base) {
      throw invalid(
        `Chưa có bộ tiêu chí gốc ${parsed.data.basedOn.code} phiên bản ${parsed.data.basedOn.version}.`,
        `Base set ${parsed.data.basedOn.code} v${parsed.data.basedOn.version} is not loaded.`,
      );
    }
    return checked(
      materialiseOverride(base.definition, parsed.data),
      "Bộ tiêu chí sau khi ghi đè không hợp lệ.",
      "The overridden set is invalid.",
    );
  }
  const parsed = criteriaSetSchema.safeParse(document);
  if (!parsed.success) {
    throw invalid(
      "Tệp bộ tiêu chí không hợp lệ.",
      "Invalid criteria set file.",
      detailsOf(parsed.error),
    );
  }
  return parsed.data as CriteriaSet;
}

/**
 * Stores a new version of a criteria set and, in the same transaction, re-evaluates the stored
 * assessments of the years it covers so that results never lag behind the catalog.
 */
export async function importCatalog(
  db: Db,
  options: { document: unknown; by: AuthUser; now: Date },
) {
  // Before reading the file: could the account load a set at all (its own province's)?
  assertCan(options.by, "catalog.import", { provinceCode: options.by.unitCode });
  const set = await parseCatalogDocument(db, options.document);
  // A set re-evaluates stored results: a national one only by the system, a provincial one only
  // by that province's admin.
  assertCan(options.by, "catalog.import", { provinceCode: set.provinceCode ?? null });
  return db.transaction(async (tx) => {
    if (await findSetByCodeVersion(tx, set.code, set.version)) {
      throw new AppError({
        code: "CONFLICT",
        vi: `Bộ tiêu chí ${set.code} phiên bản ${set.version} đã có; hãy tăng số phiên bản.`,
        en: `Set ${set.code} version ${set.version} already exists; bump the version.`,
      });
    }
    const stored = await insertSet(tx, set, options.by.username);
    // A village set changes only villages' results; a commune or district set the communes'.
    const village = set.unitLevel === "village" && set.provinceCode ? set.provinceCode : null;
    const keys = village ? [] : await findAssessmentKeys(tx, set.fromYear, set.toYear);
    const villages = village
      ? await reevaluateVillageSet(tx, {
          setCode: set.code,
          provinceCode: village,
          now: options.now,
        })
      : 0;
    const years = [...new Set(keys.map((key) => key.year))];
    const unitCodes = [...new Set(keys.map((key) => key.unitCode))];
    await evaluateMany(tx, { years, unitCodes, now: options.now });
    await recordAudit(tx, {
      kind: "catalog.import",
      by: options.by,
      key: `${set.code}@${set.version}`,
      unitCode: set.provinceCode ?? null,
      new: {
        id: stored.id,
        name: set.name,
        reevaluated: keys.length + villages,
        basis: set.amendment?.basis ?? set.basis,
        ...(set.effectiveFrom ? { effectiveFrom: set.effectiveFrom } : {}),
        basedOn: set.basedOn ?? set.amendment?.amends ?? null,
      },
    });
    return { set: summariseSet(stored), reevaluated: keys.length + villages };
  });
}

export async function getSets(db: Db, user: AuthUser) {
  assertCan(user, "catalog.read");
  return (await listSets(db)).map(summariseSet);
}

/**
 * One version with its whole definition. A version never changes once stored, so the answer is
 * named by the version alone and may be kept by the browser for good; it stays private, as every
 * answer behind a session.
 */
export async function readSet(db: Db, options: { user: AuthUser; id: number }) {
  const { id } = options;
  assertCan(options.user, "catalog.read");
  const stored = await cachedSetById(db, await findCatalogGeneration(db), id);
  if (!stored) throw notFound(`Không có bộ tiêu chí số ${id}.`, `No criteria set ${id}.`);
  return {
    etag: etagOf(["criteria-set", stored.id, stored.code, stored.version, stored.importedAt]),
    set: () => ({ ...summariseSet(stored), definition: stored.definition }),
  };
}
