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
  unit: UnitRow;
  path: AssessmentContextRow["path"];
  resource: UnitResource;
  set: StoredSet;
  values: StoredValue[];
}

/**
 * Reads the context in one statement, then the set in force from the catalog cache (a statement
 * only when the catalog changed since the last read). `reader` is the transaction of a save.
 */
export async function loadAssessmentContext(
  db: Db,
  options: { code: string; year: number; setId?: number | undefined; reader?: DbOrTx },
): Promise<AssessmentContext> {
  const reader = options.reader ?? db;
  const row = await findAssessmentContext(reader, {
    code: options.code,
    year: options.year,
    asOf: endOfYear(options.year),
  });
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
  return { row, unit, path: row.path, resource, set, values };
}
