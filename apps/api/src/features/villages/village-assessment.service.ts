import type { Db, DbOrTx } from "@ntm/db";
import type { ValuesInput, VillageScorecardResponse } from "@ntm/contracts";
import {
  endOfYear,
  evaluateAssessment,
  villagePlacementRefusal,
  villageRecognitionStatusNames,
  type AssessmentResult,
  type IndicatorValues,
  type UnitAttributes,
} from "@ntm/domain";
import { AppError, invalid } from "../../http/app-error.ts";
import { allows } from "../../shared/access.ts";
import { recordAudit, type AuditEvent } from "../../shared/audit.ts";
import { indexIndicators, validateValues } from "../assessments/index.ts";
import type { AuthUser } from "../auth/index.ts";
import { findPathOn, findUnitOn, type UnitRow } from "../units/index.ts";
import { assertVillageInYear, requireVillage, type VillageContext } from "./village-context.ts";
import { requireVillageSet, rulesOf, summariseVillageSet } from "./village-sets.ts";
import {
  findRecognitions,
  findVillageAssessmentKeys,
  findVillageResults,
  findVillageValues,
  insertVillageValues,
  lockVillageAssessment,
  saveVillageResult,
  saveVillageResults,
  upsertVillageValue,
  type StoredVillageSet,
  type StoredVillageValue,
} from "./villages.repository.ts";

const toValueMap = (values: readonly StoredVillageValue[]): IndicatorValues =>
  Object.fromEntries(values.map((row) => [row.indicatorCode, row.boolValue ?? row.numValue]));

/** A village is classified as its commune is (region, group, flags such as ĐBKK). */
function attributesOf(village: UnitRow, commune: UnitRow | null): UnitAttributes {
  return {
    code: village.code,
    name: village.name,
    ...(commune?.region ? { region: commune.region } : {}),
    ...(commune?.communeGroup ? { communeGroup: commune.communeGroup } : {}),
    flags: commune?.flags ?? [],
  };
}

function evaluateVillage(
  set: StoredVillageSet,
  context: Pick<VillageContext, "village" | "communeUnit">,
  year: number,
  values: readonly StoredVillageValue[],
): AssessmentResult {
  return evaluateAssessment({
    set: set.definition,
    unit: attributesOf(context.village, context.communeUnit),
    year,
    values: toValueMap(values),
  });
}

/** Refuses (400) a set that does not assess villages of this commune's type, e.g. a ward's. */
function assertPlacement(set: StoredVillageSet, context: VillageContext) {
  const refusal = villagePlacementRefusal(rulesOf(set), set.name, context.commune);
  if (refusal) {
    throw invalid(
      refusal,
      `The set ${set.code} does not assess villages of ${context.commune.name}.`,
    );
  }
}

async function scorecardOf(
  db: DbOrTx,
  options: {
    user: AuthUser;
    context: VillageContext;
    set: StoredVillageSet;
    year: number;
    version: number;
    result: AssessmentResult;
  },
): Promise<VillageScorecardResponse> {
  const { context, set, user } = options;
  const recognition = (await findRecognitions(db, [context.village.code])).find(
    (row) => row.setCode === set.code,
  );
  return {
    village: {
      code: context.village.code,
      name: context.village.name,
      communeCode: context.commune.code,
      validFrom: context.village.validFrom,
      validTo: context.village.validTo,
    },
    commune: context.commune,
    set: summariseVillageSet(set, context.commune),
    year: options.year,
    version: options.version,
    result: options.result,
    recognition: recognition
      ? {
          setCode: recognition.setCode,
          status: recognition.status,
          statusName: villageRecognitionStatusNames[recognition.status],
          year: recognition.year,
          reportNumber: recognition.reportNumber,
          reportDate: recognition.reportDate,
          decisionNumber: recognition.decisionNumber,
          decisionDate: recognition.decisionDate,
          reason: recognition.reason,
        }
      : null,
    canEnter: allows(user, "village.values.write", context.resource),
    canRecognise: allows(user, "village.recognise", context.resource),
  };
}

/** A village's result under a set for a year, evaluated from its stored values with reasons. */
export async function getVillageScorecard(
  db: Db,
  options: { user: AuthUser; code: string; setCode: string; year: number },
) {
  const context = await requireVillage(db, {
    user: options.user,
    code: options.code,
    asOf: endOfYear(options.year),
    action: "unit.read",
  });
  const set = await requireVillageSet(db, { ...context, ...options });
  const key = { unitCode: context.village.code, year: options.year, setCode: set.code };
  const values = await findVillageValues(db, key);
  const stored = await findVillageResults(db, { unitCodes: [key.unitCode], year: options.year });
  const version = stored.find((row) => row.setCode === set.code)?.version ?? 0;
  const result = evaluateVillage(set, context, options.year, values);
  return scorecardOf(db, { ...options, context, set, version, result });
}

/**
 * Writes a village's values under a set: each value checked against its indicator (all or
 * nothing), the version checked (409 when stale), one audit row per change, the result stored.
 */
export async function writeVillageValues(
  db: Db,
  options: { user: AuthUser; code: string; setCode: string; year: number; input: ValuesInput },
  now: Date,
) {
  const { user, year, input } = options;
  const { context, set } = await checkedEntry(db, { ...options, values: input.values });
  return db.transaction(async (tx) => {
    const key = { unitCode: context.village.code, year, setCode: set.code };
    const current = (await lockVillageAssessment(tx, key)) ?? 0;
    if (current !== input.version) throw versionConflict();
    const before = new Map(
      (await findVillageValues(tx, key)).map((row) => [
        row.indicatorCode,
        row.boolValue ?? row.numValue,
      ]),
    );
    const events: AuditEvent[] = [];
    for (const item of input.values) {
      const old = before.get(item.indicatorCode) ?? null;
      if (old === item.value) continue;
      await upsertVillageValue(tx, {
        ...key,
        indicatorCode: item.indicatorCode,
        numValue: typeof item.value === "number" ? item.value : null,
        boolValue: typeof item.value === "boolean" ? item.value : null,
        updatedBy: user.username,
        updatedAt: now,
      });
      events.push({
        kind: "village.value.update",
        by: user,
        key: `${key.unitCode}/${year}/${set.code}/${item.indicatorCode}`,
        unitCode: key.unitCode,
        old: { value: old, note: null },
        new: { value: item.value, note: null },
      });
    }
    const values = await findVillageValues(tx, key);
    const result = evaluateVillage(set, context, year, values);
    const version = events.length > 0 ? current + 1 : current;
    await storeVillageResult(tx, { key, set, version, result }, now);
    if (events.length > 0) await recordAudit(tx, events);
    return scorecardOf(tx, { user, context, set, year, version, result });
  });
}

function checkValues(set: StoredVillageSet, values: ValuesInput["values"]) {
  const problems = validateValues(indexIndicators(set.definition), values);
  if (problems.length > 0) {
    throw invalid(
      "Số liệu của thôn không hợp lệ; không có giá trị nào được lưu.",
      "Invalid village values; nothing was saved.",
      problems,
    );
  }
}

/**
 * A village's values for a year, checked before anything is written: the village and the user's
 * right to enter them, the year, the set (one read per province in `sets`) and the values.
 */
async function checkedEntry(
  db: DbOrTx,
  options: {
    user: AuthUser;
    code: string;
    setCode: string;
    year: number;
    values: ValuesInput["values"];
  },
  sets = new Map<string, StoredVillageSet>(),
) {
  const { year } = options;
  const context = await requireVillage(db, {
    user: options.user,
    code: options.code,
    asOf: endOfYear(year),
    action: "village.values.write",
  });
  assertVillageInYear(context.village, year);
  const set =
    sets.get(context.provinceCode) ??
    (await requireVillageSet(db, { ...context, setCode: options.setCode, year }));
  sets.set(context.provinceCode, set);
  assertPlacement(set, context);
  checkValues(set, options.values);
  return { context, set, values: options.values };
}

const versionConflict = () =>
  new AppError({
    code: "VERSION_CONFLICT",
    vi: "Số liệu của thôn vừa được người khác cập nhật; tải lại trang rồi nhập lại.",
    en: "The village's values were changed by someone else; reload and enter again.",
  });

/**
 * A year's first values of several villages that have none for it (the demo's): each checked,
 * evaluated and audited as `writeVillageValues` does one at version 0, in one transaction whose
 * values and results are one statement each.
 */
export async function writeFirstVillageValues(
  db: Db,
  options: {
    user: AuthUser;
    setCode: string;
    year: number;
    entries: readonly { code: string; values: ValuesInput["values"] }[];
  },
  now: Date,
) {
  const { user, year } = options;
  const prepared: Awaited<ReturnType<typeof checkedEntry>>[] = [];
  const setsOf = new Map<string, StoredVillageSet>();
  for (const entry of options.entries) {
    prepared.push(await checkedEntry(db, { ...options, ...entry }, setsOf));
  }
  await db.transaction(async (tx) => {
    const codes = prepared.map((entry) => entry.context.village.code);
    const known = await findVillageResults(tx, { unitCodes: codes, year });
    if (known.some((row) => row.setCode === options.setCode)) throw versionConflict();
    const rows: Parameters<typeof insertVillageValues>[1][number][] = [];
    const events: AuditEvent[] = [];
    const results: Parameters<typeof saveVillageResults>[1][number][] = [];
    for (const { context, set, values } of prepared) {
      const key = { unitCode: context.village.code, year, setCode: set.code };
      const stored: StoredVillageValue[] = [];
      for (const item of values) {
        if (item.value === null) continue;
        const row = {
          indicatorCode: item.indicatorCode,
          numValue: typeof item.value === "number" ? item.value : null,
          boolValue: typeof item.value === "boolean" ? item.value : null,
        };
        stored.push(row);
        rows.push({ ...key, ...row, updatedBy: user.username, updatedAt: now });
        events.push({
          kind: "village.value.update",
          by: user,
          key: `${key.unitCode}/${year}/${set.code}/${item.indicatorCode}`,
          unitCode: key.unitCode,
          old: { value: null, note: null },
          new: { value: item.value, note: null },
        });
      }
      const result = evaluateVillage(set, context, year, stored);
      results.push({
        ...key,
        version: stored.length > 0 ? 1 : 0,
        setId: set.id,
        criteriaMet: result.criteriaMet,
        criteriaTotal: result.criteriaTotal,
        level: result.level,
        valuesEntered: result.valuesEntered,
      });
    }
    await insertVillageValues(tx, rows);
    await saveVillageResults(tx, results, now);
    if (events.length > 0) await recordAudit(tx, events);
  });
}

async function storeVillageResult(
  tx: DbOrTx,
  options: {
    key: { unitCode: string; year: number; setCode: string };
    set: StoredVillageSet;
    version: number;
    result: AssessmentResult;
  },
  now: Date,
) {
  const { result } = options;
  await saveVillageResult(
    tx,
    {
      ...options.key,
      version: options.version,
      setId: options.set.id,
      criteriaMet: result.criteriaMet,
      criteriaTotal: result.criteriaTotal,
      level: result.level,
      valuesEntered: result.valuesEntered,
    },
    now,
  );
}

/**
 * After a new version of a village set is imported: the stored results of every village assessed
 * under its code are evaluated again with the version now in force for their year (in the
 * import's transaction, so results never lag behind the catalog). Returns how many.
 */
export async function reevaluateVillageSet(
  tx: DbOrTx,
  options: { setCode: string; provinceCode: string; now: Date },
) {
  const keys = await findVillageAssessmentKeys(tx, options.setCode);
  for (const key of keys) {
    const asOf = endOfYear(key.year);
    const village = await findUnitOn(tx, key.unitCode, asOf);
    if (!village) continue;
    const path = await findPathOn(tx, village.code, asOf);
    const commune = path.find((step) => step.level === "commune");
    const communeUnit = commune ? ((await findUnitOn(tx, commune.code, asOf)) ?? null) : null;
    const set = await requireVillageSet(tx, {
      provinceCode: options.provinceCode,
      setCode: options.setCode,
      year: key.year,
    }).catch(() => null);
    if (!set) continue;
    const full = { unitCode: key.unitCode, year: key.year, setCode: options.setCode };
    const values = await findVillageValues(tx, full);
    const result = evaluateVillage(set, { village, communeUnit }, key.year, values);
    await storeVillageResult(tx, { key: full, set, version: key.version, result }, options.now);
  }
  return keys.length;
}
