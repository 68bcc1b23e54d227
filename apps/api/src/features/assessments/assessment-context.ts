import type { Db, DbOrTx } from "@ntm/db";
import { endOfYear, type UnitResource } from "@ntm/domain";
import { notFound } from "../../http/app-error.ts";
import { cachedSetFor, type StoredSet } from "../catalog/index.ts";
import type { UnitRow } from "../units/index.ts";
import type { StoredValue } from "./assessments.repository.ts";
import {
  findAssessmentContext,
  type AssessmentContextRow,
} from "./scorecard-context.repository.ts";

/** One commune's year as a scorecard or a save needs it, read once. */
export interface AssessmentContext {
  row: AssessmentContextRow;
  /** The province key of the year's rows: every write of the year carries it. */
  provinceKey: string;
  unit: UnitRow;
  path: AssessmentContextRow["path"];
  resource: UnitResource;
  set: StoredSet;
  values: StoredValue[];
  /** The scopes `row.answers` is the generation of: the key the rows were read under, and "*". */
  answerScopes: string[];
}

/**
 * The province key of each commune's year this process has met (in a scorecard, a save, a
 * province's summary or list), so that a read names its shard up front. A read checks the key it
 * used against the one it finds: a key that changed (a unit moved to another province) costs one
 * more read, never a wrong answer. A few bytes per commune and year; emptied when the country's
 * five years are reached.
 */
const provinceKeys = new Map<string, string>();
const provinceKeysLimit = 50_000;

/** Remembers the province key of communes' year, read by a list of a province. */
export function rememberProvinceKeys(codes: Iterable<string>, year: number, province: string) {
  for (const code of codes) {
    if (provinceKeys.size >= provinceKeysLimit) provinceKeys.clear();
    provinceKeys.set(`${code}/${year}`, province);
  }
}

/**
 * Reads the context in one statement (two when the key remembered is no longer right), then the
 * set in force from the catalog cache (a statement only when the catalog changed since the last
 * read). `reader` is the transaction of a save.
 */
export async function loadAssessmentContext(
  db: Db,
  options: { code: string; year: number; setId?: number | undefined; reader?: DbOrTx },
): Promise<AssessmentContext> {
  const reader = options.reader ?? db;
  const read = (province: string | null) =>
    findAssessmentContext(reader, {
      code: options.code,
      year: options.year,
      asOf: endOfYear(options.year),
      province,
    });
  let used = provinceKeys.get(`${options.code}/${options.year}`) ?? null;
  let row = await read(used);
  if (used !== null && row.provinceKey !== null && row.provinceKey !== used) {
    used = row.provinceKey;
    row = await read(used);
  }
  if (!row.unit) {
    throw notFound(
      `Không tìm thấy đơn vị hành chính mã ${options.code}.`,
      `Administrative unit ${options.code} not found.`,
    );
  }
  const unit = row.unit;
  const resource: UnitResource = {
    unitCode: unit.code,
    path: [...row.path.map((step) => step.code), ...row.successorScope],
  };
  const provinceCode = row.path.find((step) => step.level === "province")?.code ?? null;
  const set = await cachedSetFor(db, {
    generation: row.catalog,
    year: options.year,
    provinceCode,
    setId: options.setId,
    reader,
  });
  const values = row.values.map((value) => ({ ...value, updatedAt: new Date(value.updatedAt) }));
  // A unit outside any province (the country) is never assessed: nothing is written under "".
  const provinceKey = row.provinceKey ?? "";
  rememberProvinceKeys([options.code], options.year, provinceKey);
  const answerScopes = [used ?? provinceKey, "*"];
  return { row, provinceKey, unit, path: row.path, resource, set, values, answerScopes };
}
