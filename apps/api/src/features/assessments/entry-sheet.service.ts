import type { Db } from "@ntm/db";
import { endOfYear, entryFieldsOf, type IndicatorResult } from "@ntm/domain";
import type {
  EntrySheetIndicator,
  EntrySheetResponse,
  EntrySheetRow,
  EntrySheetSave,
  EntrySheetSaveResponse,
} from "@ntm/contracts";
import { AppError } from "../../http/app-error.ts";
import { allows } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { findDescendantsOn, requireUnitAccess, type UnitRow } from "../units/index.ts";
import { findAssessment } from "./assessments.repository.ts";
import { saveValues } from "./assessments.service.ts";
import { evaluateUnit, type Evaluation } from "./evaluation.service.ts";
import { sourcedIndicatorsOf, type SourcedIndicators } from "./registry-sourced.ts";
import { indexIndicators } from "./validate-values.ts";

// A province has about a hundred communes; a sheet over more is not a screen a person reads.
const maxCommunes = 300;

function indicatorsOf(evaluation: Evaluation): Map<string, IndicatorResult> {
  const found = new Map<string, IndicatorResult>();
  for (const criterion of evaluation.result.criteria) {
    for (const indicator of criterion.indicators) found.set(indicator.code, indicator);
  }
  for (const level of evaluation.result.levels) {
    for (const condition of level.conditions) found.set(condition.code, condition);
  }
  return found;
}

function writableCodes(user: AuthUser, evaluation: Evaluation): string[] {
  const resource = { unitCode: evaluation.unit.code, path: evaluation.path.map((s) => s.code) };
  if (!allows(user, "assessment.write", resource)) return [];
  return [...indexIndicators(evaluation.set.definition)]
    .filter(
      ([, place]) =>
        place.criterionCode !== undefined &&
        allows(user, "assessment.write", {
          ...resource,
          criterion: { setCode: evaluation.set.code, criterionCode: place.criterionCode },
        }),
    )
    .map(([code]) => code);
}

function catalogOf(evaluation: Evaluation, writable: Set<string>): EntrySheetIndicator[] {
  return evaluation.set.definition.criteria.flatMap((criterion) =>
    criterion.indicators.map((indicator) => ({
      code: indicator.code,
      name: indicator.name,
      ...entryFieldsOf(indicator),
      criterionCode: criterion.code,
      criterionName: criterion.name,
      writable: writable.has(indicator.code),
    })),
  );
}

type CommuneRow = UnitRow & { parentName?: string | null };

async function communesOf(db: Db, unit: UnitRow, asOf: string): Promise<CommuneRow[]> {
  if (unit.assessed) return [unit];
  const below = await findDescendantsOn(db, unit.code, asOf);
  return below
    .filter((row) => row.assessed)
    .sort(
      (a, b) =>
        (a.parentName ?? "").localeCompare(b.parentName ?? "", "vi") ||
        a.name.localeCompare(b.name, "vi"),
    )
    .slice(0, maxCommunes);
}

/**
 * The communes of a district or province (or one commune) × the chosen indicators, with each
 * commune's value, status and threshold (thresholds differ by region), its version and what the
 * user may write there; plus the catalog to choose indicators from.
 */
export async function getEntrySheet(
  db: Db,
  options: { user: AuthUser; code: string; year: number; indicators: string[] },
): Promise<EntrySheetResponse> {
  const { user, year } = options;
  const asOf = endOfYear(year);
  const { unit } = await requireUnitAccess(db, {
    user,
    code: options.code,
    asOf,
    action: "unit.read",
  });
  const communes = await communesOf(db, unit, asOf);
  const rows: EntrySheetRow[] = [];
  let first: Evaluation | undefined;
  const writableAnywhere = new Set<string>();
  // A registry's indicators are never typed: read-only in every commune where it gives them.
  const sourcedBySet = new Map<string, Promise<SourcedIndicators>>();
  const sourcedOf = (evaluation: Evaluation) => {
    const provinceCode = evaluation.path.find((step) => step.level === "province")?.code ?? null;
    const key = `${evaluation.set.id}/${provinceCode}`;
    let sourced = sourcedBySet.get(key);
    if (!sourced) {
      sourced = sourcedIndicatorsOf(db, { set: evaluation.set.definition, provinceCode, year });
      sourcedBySet.set(key, sourced);
    }
    return sourced;
  };
  for (const commune of communes) {
    const evaluation = await evaluateUnit(db, { unitCode: commune.code, year });
    first ??= evaluation;
    const sourced = await sourcedOf(evaluation);
    const writable = writableCodes(user, evaluation).filter((code) => !sourced.has(code));
    for (const code of writable) writableAnywhere.add(code);
    const results = indicatorsOf(evaluation);
    const firstLevel = evaluation.result.levels[0]?.level ?? "standard";
    const cells: EntrySheetRow["cells"] = {};
    for (const code of options.indicators) {
      const result = results.get(code);
      if (!result) continue;
      const atLevel = result.byLevel[firstLevel] ?? Object.values(result.byLevel)[0];
      cells[code] = {
        value: result.value,
        status: atLevel?.status ?? "missing",
        ...(atLevel?.threshold ? { threshold: atLevel.threshold } : {}),
      };
    }
    const assessment = await findAssessment(db, commune.code, year);
    const shownSourced = options.indicators.flatMap((code) => {
      const found = sourced.get(code);
      return found ? [[code, found.source] as const] : [];
    });
    rows.push({
      unitCode: commune.code,
      unitName: commune.name,
      parentName: commune.parentName ?? null,
      version: assessment?.version ?? 0,
      writable: writable.filter((code) => options.indicators.includes(code)),
      cells,
      ...(shownSourced.length > 0 ? { sourced: Object.fromEntries(shownSourced) } : {}),
    });
  }
  return {
    year,
    unit: { code: unit.code, name: unit.name, level: unit.level },
    set: first ? { code: first.set.code, name: first.set.name } : null,
    catalog: first ? catalogOf(first, writableAnywhere) : [],
    indicators: options.indicators,
    rows,
  };
}

/**
 * Saves the values of many communes, each in its own transaction through the one value-save use
 * case (access, entry rule, version, audit, re-evaluation), and reports per commune: a refusal or
 * a stale version in one commune leaves the others saved.
 */
export async function saveEntrySheet(
  db: Db,
  options: { user: AuthUser; year: number; input: EntrySheetSave; now: Date; english: boolean },
): Promise<EntrySheetSaveResponse> {
  const { user, year, now } = options;
  const rows: EntrySheetSaveResponse["rows"] = [];
  for (const row of options.input.rows) {
    try {
      const card = await saveValues(db, {
        user,
        code: row.unitCode,
        year,
        input: { version: row.version, values: row.values },
        now,
      });
      rows.push({
        unitCode: row.unitCode,
        ok: true,
        version: card.assessment.version,
        criteriaMet: card.criteriaMet,
        criteriaTotal: card.criteriaTotal,
      });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      rows.push({
        unitCode: row.unitCode,
        ok: false,
        code: error.code,
        message: options.english ? error.messageEn : error.message,
        ...(error.details ? { details: error.details } : {}),
      });
    }
  }
  const saved = rows.filter((row) => row.ok).length;
  return { saved, failed: rows.length - saved, rows };
}
