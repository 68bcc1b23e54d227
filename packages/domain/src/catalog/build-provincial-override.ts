import type { OverrideDefinition, ThresholdOverride } from "./apply-override.ts";
import { checkValue } from "./check-value.ts";
import type { CriteriaSet, Indicator, LegalBasis, LevelCode, Threshold } from "./criteria-set.ts";

/** One threshold a province enters from its decision. */
export interface ThresholdEntry {
  indicatorCode: string;
  level: LevelCode;
  /** Regions or commune groups the value is for; absent means all of them. */
  classes?: string[] | undefined;
  value: number | boolean;
}

export interface OverrideRequest {
  code: string;
  version: number;
  name: string;
  provinceCode: string;
  basis: LegalBasis;
  effectiveFrom: string;
  entries: ThresholdEntry[];
}

export type BuildOverrideResult =
  | { ok: true; override: OverrideDefinition }
  | { ok: false; problems: { path: string; message: string }[] };

function indicatorsOf(set: CriteriaSet): Indicator[] {
  return [
    ...set.criteria.flatMap((criterion) => criterion.indicators),
    ...set.levels.flatMap((level) => level.conditions ?? []),
  ];
}

/**
 * Turns the thresholds a province enters into an override of the set in force: every value is
 * checked against its indicator, and the rows of each indicator and level must still cover every
 * region or commune group, since they replace all the base rows of that level.
 */
export function buildProvincialOverride(
  base: CriteriaSet,
  request: OverrideRequest,
): BuildOverrideResult {
  const problems: { path: string; message: string }[] = [];
  const indicators = new Map(indicatorsOf(base).map((indicator) => [indicator.code, indicator]));
  const levelNames = new Map(base.levels.map((level) => [level.code, level.name]));
  const classes = base.classification.values.map((value) => value.code);
  const classWord = base.classification.kind === "region" ? "vùng" : "nhóm";
  const note = `Tỉnh nhập theo ${request.basis.document}.`;
  const groups = new Map<string, { indicator: Indicator; level: LevelCode; rows: Threshold[] }>();

  request.entries.forEach((entry, index) => {
    const path = `entries.${index}`;
    const line = `Dòng ${index + 1}`;
    const indicator = indicators.get(entry.indicatorCode);
    if (!indicator) {
      problems.push({
        path,
        message: `${line}: bộ tiêu chí gốc không có chỉ tiêu ${entry.indicatorCode}.`,
      });
      return;
    }
    const levelName = levelNames.get(entry.level);
    if (!levelName) {
      problems.push({ path, message: `${line}: bộ tiêu chí không có mức ${entry.level}.` });
      return;
    }
    if (indicator.levels && !indicator.levels.includes(entry.level)) {
      problems.push({
        path,
        message: `${line}: chỉ tiêu ${indicator.code} không áp dụng ở mức "${levelName}".`,
      });
      return;
    }
    const unknown = (entry.classes ?? []).filter((code) => !classes.includes(code));
    if (unknown.length > 0) {
      problems.push({
        path,
        message: `${line}: ${classWord} ${unknown.join(", ")} không có trong bộ tiêu chí.`,
      });
      return;
    }
    const check = checkValue(indicator, entry.value);
    if (!check.ok) {
      problems.push({
        path: `${path}.value`,
        message: `${line}: ngưỡng của chỉ tiêu ${indicator.code} ${check.text}.`,
      });
      return;
    }
    const key = `${indicator.code}@${entry.level}`;
    const group = groups.get(key) ?? { indicator, level: entry.level, rows: [] };
    const overlap = group.rows.find((row) =>
      !row.classes || !entry.classes
        ? !row.classes && !entry.classes
        : row.classes.some((code) => entry.classes?.includes(code)),
    );
    if (overlap) {
      problems.push({
        path,
        message: `${line}: chỉ tiêu ${indicator.code} ở mức "${levelName}" đã có ngưỡng cho ${entry.classes ? `${classWord} ${entry.classes.join(", ")}` : `mọi ${classWord}`}.`,
      });
      return;
    }
    group.rows.push({
      level: entry.level,
      value: entry.value,
      ...(entry.classes && entry.classes.length > 0 ? { classes: entry.classes } : {}),
      basis: request.basis,
      status: "confirmed",
      note,
    });
    groups.set(key, group);
  });

  // Coverage is judged only on rows that are valid themselves, so one bad value gives one reason.
  const checkCoverage = problems.length === 0;
  for (const { indicator, level, rows } of checkCoverage ? groups.values() : []) {
    if (rows.some((row) => !row.classes)) continue;
    const covered = new Set(rows.flatMap((row) => row.classes ?? []));
    const missing = classes.filter((code) => !covered.has(code));
    if (missing.length > 0) {
      problems.push({
        path: "entries",
        message: `Chỉ tiêu ${indicator.code}, mức "${levelNames.get(level)}": thiếu ngưỡng cho ${classWord} ${missing.join(", ")} (thêm một dòng chung cho mọi ${classWord} hoặc một dòng cho từng ${classWord}).`,
      });
    }
  }
  if (request.entries.length === 0) {
    problems.push({ path: "entries", message: "Cần ít nhất một ngưỡng." });
  }
  if (problems.length > 0) return { ok: false, problems };

  const byIndicator = new Map<string, ThresholdOverride>();
  for (const { indicator, level, rows } of groups.values()) {
    const item = byIndicator.get(indicator.code) ?? {
      indicatorCode: indicator.code,
      levels: [],
      thresholds: [],
    };
    item.levels.push(level);
    for (const row of rows) item.thresholds.push(row);
    byIndicator.set(indicator.code, item);
  }
  return {
    ok: true,
    override: {
      code: request.code,
      version: request.version,
      name: request.name,
      provinceCode: request.provinceCode,
      basedOn: { code: base.code, version: base.version },
      basis: request.basis,
      effectiveFrom: request.effectiveFrom,
      overrides: [...byIndicator.values()],
    },
  };
}
