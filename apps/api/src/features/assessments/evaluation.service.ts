import type { DbOrTx } from "@ntm/db";
import {
  endOfYear,
  evaluateAssessment,
  type AssessmentResult,
  type IndicatorValues,
  type UnitAttributes,
} from "@ntm/domain";
import { notFound } from "../../http/app-error.ts";
import { selectSetFor } from "../catalog/index.ts";
import type { StoredSet } from "../catalog/index.ts";
import { findLatestUnit, findPathOn, findUnitOn, type UnitRow } from "../units/index.ts";
import { findValues, type StoredValue } from "./assessments.repository.ts";

export function toValueMap(values: StoredValue[]): IndicatorValues {
  const map: Record<string, number | boolean | null> = {};
  for (const row of values) map[row.indicatorCode] = row.boolValue ?? row.numValue;
  return map;
}

export function toAttributes(unit: UnitRow): UnitAttributes {
  return {
    code: unit.code,
    name: unit.name,
    ...(unit.region ? { region: unit.region } : {}),
    ...(unit.communeGroup ? { communeGroup: unit.communeGroup } : {}),
    flags: unit.flags,
  };
}

export interface Evaluation {
  result: AssessmentResult;
  set: StoredSet;
  unit: UnitRow;
  path: { code: string; name: string; level: string }[];
  values: StoredValue[];
}

/** Evaluates one unit for one year from its stored values, without storing anything. */
export async function evaluateUnit(
  db: DbOrTx,
  options: { unitCode: string; year: number; setId?: number | undefined },
): Promise<Evaluation> {
  const asOf = endOfYear(options.year);
  const unit =
    (await findUnitOn(db, options.unitCode, asOf)) ?? (await findLatestUnit(db, options.unitCode));
  if (!unit) {
    throw notFound(
      `Không tìm thấy đơn vị hành chính mã ${options.unitCode}.`,
      `Administrative unit ${options.unitCode} not found.`,
    );
  }
  const pathDate = unit.validTo && unit.validTo < asOf ? unit.validTo : asOf;
  const path = await findPathOn(db, unit.code, pathDate);
  const provinceCode = path.find((step) => step.level === "province")?.code ?? null;
  const set = await selectSetFor(db, { year: options.year, provinceCode, setId: options.setId });
  const values = await findValues(db, unit.code, options.year);
  const result = evaluateAssessment({
    set: set.definition,
    unit: toAttributes(unit),
    year: options.year,
    values: toValueMap(values),
  });
  return { result, set, unit, path, values };
}
