import type { LevelCode } from "../catalog/criteria-set.ts";
import { formatNumberVi } from "../evaluation/format-vi.ts";
import {
  milestoneKinds,
  targetStatusNames,
  type BehindCommune,
  type CommuneYearResult,
  type TargetCommune,
  type TargetDefinition,
  type TargetInput,
  type TargetMilestone,
  type TargetProgress,
  type TargetShare,
  type TargetStatus,
} from "./target.ts";

export const levelPhrases: Record<LevelCode, string> = {
  standard: "đạt chuẩn NTM",
  advanced: "đạt chuẩn NTM nâng cao",
  model: "đạt chuẩn NTM kiểu mẫu",
  modern: "đạt chuẩn NTM hiện đại",
};

/** Pace ratio from which a target is on track, and below which it is off track. */
export const paceBands = { onTrack: 1, atRisk: 0.5 } as const;

const n = formatNumberVi;
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

interface CommuneRule {
  /** Criteria the commune must meet in a year for the target to count it (null: not in scope). */
  requiredAt: (commune: TargetCommune, year: number) => number | null;
  /** Criteria it must meet at the deadline. */
  requiredFinal: (commune: TargetCommune) => number | null;
  describe: (required: number, commune: TargetCommune) => string;
}

function levelRank(levels: readonly LevelCode[], level: LevelCode | null | undefined): number {
  return level ? levels.indexOf(level) : -1;
}

function resultOf(commune: TargetCommune, year: number): CommuneYearResult | undefined {
  return commune.results[year];
}

/** The communes the target speaks of: "the other communes" leaves out those already recognised. */
function communesInScope(input: TargetInput): TargetCommune[] {
  const { target } = input;
  if (target.kind === "maintenance") {
    return input.communes.filter((c) => resultOf(c, target.baselineYear)?.level != null);
  }
  if (!target.excludeRecognised) return [...input.communes];
  return input.communes.filter((c) => resultOf(c, target.baselineYear)?.level == null);
}

function communeRule(input: TargetInput): CommuneRule | null {
  const { target } = input;
  const totalOf = (c: TargetCommune, year: number) =>
    resultOf(c, year)?.criteriaTotal ?? resultOf(c, target.baselineYear)?.criteriaTotal ?? null;
  switch (target.kind) {
    case "minCriteria":
      return {
        requiredAt: () => target.value,
        requiredFinal: () => target.value,
        describe: (required) => `≥ ${n(required)} tiêu chí`,
      };
    case "maintenance":
      return {
        requiredAt: (c, year) => totalOf(c, year),
        requiredFinal: (c) => totalOf(c, target.deadlineYear),
        describe: (required) => `giữ ${n(required)}/${n(required)} tiêu chí`,
      };
    case "gainOverBaseline": {
      const gainBy = (year: number) =>
        target.perYear ? target.value * (year - target.baselineYear) : target.value;
      const required = (c: TargetCommune, year: number) => {
        const base = resultOf(c, target.baselineYear);
        if (!base) return null;
        return Math.min(base.criteriaTotal, base.criteriaMet + gainBy(year));
      };
      return {
        requiredAt: required,
        requiredFinal: (c) => required(c, target.deadlineYear),
        describe: (value, c) => {
          const base = resultOf(c, target.baselineYear)?.criteriaMet ?? 0;
          return `≥ ${n(value)} tiêu chí (${n(base)} năm ${target.baselineYear} + ${n(value - base)})`;
        },
      };
    }
    default:
      return null;
  }
}

/** Figure of an aggregate target in a year; null when no commune has results that year. */
function aggregateAt(input: TargetInput, scope: TargetCommune[], year: number): number | null {
  const { target } = input;
  if (target.kind === "ocopProducts") {
    // Counted from the OCOP registry on 31/12 of each year, not from the communes' results.
    return target.entered?.find((entry) => entry.year === year)?.value ?? null;
  }
  if (target.kind === "enteredValue" || target.kind === "villagesRecognised") {
    return target.entered?.find((entry) => entry.year === year)?.value ?? null;
  }
  const results = scope.map((c) => resultOf(c, year)).filter((r) => r !== undefined);
  if (results.length === 0) return null;
  if (target.kind === "averageCriteria") {
    return round(results.reduce((sum, r) => sum + r.criteriaMet, 0) / results.length, 2);
  }
  const wanted = levelRank(input.levels, target.level ?? input.levels[0]);
  const count = results.filter((r) => levelRank(input.levels, r.level) >= wanted).length;
  return target.measure === "share" ? round((count / scope.length) * 100, 1) : count;
}

function statusFromPace(ratio: number): TargetStatus {
  if (ratio >= paceBands.onTrack) return "onTrack";
  if (ratio >= paceBands.atRisk) return "atRisk";
  return "offTrack";
}

function paceWords(status: TargetStatus): string {
  if (status === "onTrack") return `đạt ≥ ${n(paceBands.onTrack * 100)} % tốc độ cần thiết`;
  if (status === "atRisk")
    return `đạt từ ${n(paceBands.atRisk * 100)} % đến dưới ${n(paceBands.onTrack * 100)} % tốc độ cần thiết`;
  return `đạt dưới ${n(paceBands.atRisk * 100)} % tốc độ cần thiết`;
}

function progress(
  status: TargetStatus,
  rule: string,
  rest: Omit<TargetProgress, "status" | "statusName" | "rule">,
): TargetProgress {
  return { status, statusName: targetStatusNames[status], rule, ...rest };
}

function yearsFrom(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from + 1) }, (_, index) => from + index);
}

/** Own pace of a commune since the baseline year, in criteria per year; null without a baseline. */
function communeRate(commune: TargetCommune, baselineYear: number, year: number): number | null {
  const base = resultOf(commune, baselineYear);
  const now = resultOf(commune, year);
  if (!base || !now || year <= baselineYear) return null;
  return (now.criteriaMet - base.criteriaMet) / (year - baselineYear);
}

function behindRow(
  commune: TargetCommune,
  year: number,
  required: string,
  onPace: boolean,
): BehindCommune {
  const result = resultOf(commune, year);
  return {
    code: commune.code,
    name: commune.name,
    parentName: commune.parentName ?? null,
    criteriaMet: result?.criteriaMet ?? null,
    required,
    missing: [...(result?.unmet ?? [])],
    onPace,
  };
}

function byNeed(a: BehindCommune, b: BehindCommune): number {
  return (a.criteriaMet ?? -1) - (b.criteriaMet ?? -1) || a.name.localeCompare(b.name, "vi");
}

function evaluatePerCommune(input: TargetInput, rule: CommuneRule): TargetProgress {
  const { target } = input;
  const year = Math.min(input.year, target.deadlineYear);
  // A commune without the baseline a gain is measured from cannot be judged on it.
  const scope = communesInScope(input).filter((c) => rule.requiredFinal(c) !== null);
  const yearsLeft = target.deadlineYear - year;
  const meets = (c: TargetCommune, at: number) => {
    const result = resultOf(c, at);
    const required = rule.requiredAt(c, at);
    return result !== undefined && required !== null && result.criteriaMet >= required;
  };
  const evaluated = scope.filter((c) => resultOf(c, year));
  const series = yearsFrom(target.baselineYear, year).map((at) => {
    const withData = scope.filter((c) => resultOf(c, at));
    return {
      year: at,
      actual: withData.length ? withData.filter((c) => meets(c, at)).length : null,
    };
  });
  const behind = scope
    .filter((c) => !meets(c, year))
    .map((c) => {
      const final = rule.requiredFinal(c) ?? 0;
      const current = resultOf(c, year)?.criteriaMet ?? 0;
      const rate = communeRate(c, target.baselineYear, year);
      const onPace =
        target.kind !== "maintenance" && rate !== null && rate * yearsLeft >= final - current;
      return behindRow(c, year, rule.describe(rule.requiredAt(c, year) ?? final, c), onPace);
    })
    .sort(byNeed);
  const actual = scope.length - behind.length;
  const rest = {
    year,
    actual: evaluated.length ? actual : null,
    target: scope.length,
    gap: evaluated.length ? scope.length - actual : null,
    unit: "xã",
    series,
    behind,
    communes: scope.length,
    milestone: null,
  };
  const requirement = describeRequirement(input);
  if (scope.length === 0) {
    return progress("noData", `Không có xã nào thuộc phạm vi mục tiêu (${requirement}).`, rest);
  }
  if (evaluated.length === 0) {
    return progress("noData", `Chưa có kết quả đánh giá năm ${year} của các xã.`, rest);
  }
  const tally = `${n(actual)}/${n(scope.length)} xã đạt yêu cầu (${requirement}) năm ${year}`;
  if (behind.length === 0) {
    const early = yearsLeft > 0 && (target.kind === "maintenance" || target.perYear);
    return early
      ? progress("onTrack", `${tally}; còn ${yearsLeft} năm đến hạn ${target.deadlineYear}.`, rest)
      : progress("met", `${tally}.`, rest);
  }
  if (yearsLeft <= 0) {
    return progress(
      "offTrack",
      `Đã đến hạn năm ${target.deadlineYear}: ${tally}, còn ${n(behind.length)} xã chưa đạt.`,
      rest,
    );
  }
  if (target.kind === "maintenance") {
    return progress(
      "atRisk",
      `${tally}; ${n(behind.length)} xã đã đạt chuẩn nay không giữ đủ tiêu chí, phải khôi phục trước cuối năm ${target.deadlineYear}.`,
      rest,
    );
  }
  const onPace = behind.filter((row) => row.onPace).length;
  const ratio = onPace / behind.length;
  const status: TargetStatus =
    ratio >= paceBands.onTrack ? "onTrack" : ratio >= paceBands.atRisk ? "atRisk" : "offTrack";
  const bands = `đúng tiến độ khi mọi xã chưa đạt đều giữ được nhịp, có nguy cơ khi từ ${n(paceBands.atRisk * 100)} % số xã đó giữ được nhịp`;
  return progress(
    status,
    `${tally}; ${n(onPace)}/${n(behind.length)} xã chưa đạt có tốc độ tăng tiêu chí từ năm ${target.baselineYear} đủ để đạt trong ${yearsLeft} năm còn lại (${bands}).`,
    rest,
  );
}

function aggregateUnit(input: TargetInput): string {
  const { target } = input;
  if (target.kind === "averageCriteria") return "tiêu chí/xã";
  if (target.kind === "ocopProducts") return "sản phẩm";
  if (target.kind === "enteredValue") return target.valueUnit ?? "";
  if (target.kind === "villagesRecognised") return target.measure === "share" ? "%" : "thôn";
  return target.measure === "share" ? "%" : "xã";
}

function aggregateBehind(input: TargetInput, scope: TargetCommune[], year: number) {
  const { target } = input;
  if (target.kind === "ocopProducts") return [...(input.ocopBehind ?? [])];
  if (target.kind === "enteredValue" || target.kind === "villagesRecognised") return [];
  const yearsLeft = target.deadlineYear - year;
  const paceTo = (c: TargetCommune, required: number) => {
    const rate = communeRate(c, target.baselineYear, year);
    const current = resultOf(c, year)?.criteriaMet ?? 0;
    return rate !== null && rate * yearsLeft >= required - current;
  };
  if (target.kind === "averageCriteria") {
    return scope
      .filter((c) => {
        const result = resultOf(c, year);
        return result !== undefined && result.criteriaMet < target.value;
      })
      .map((c) => behindRow(c, year, `≥ ${n(target.value)} tiêu chí`, paceTo(c, target.value)))
      .sort(byNeed);
  }
  const level = target.level ?? input.levels[0];
  const wanted = levelRank(input.levels, level);
  return scope
    .filter((c) => {
      const result = resultOf(c, year);
      return result !== undefined && levelRank(input.levels, result.level) < wanted;
    })
    .map((c) => {
      const total = resultOf(c, year)?.criteriaTotal ?? 0;
      return behindRow(c, year, level ? levelPhrases[level] : "", paceTo(c, total));
    })
    .sort((a, b) => -byNeed(a, b));
}

/**
 * The values to reach by year, the deadline's last. Milestones outside the years between the
 * baseline and the deadline are left out.
 */
export function scheduleOf(target: TargetDefinition): TargetMilestone[] {
  if (!milestoneKinds.includes(target.kind))
    return [{ year: target.deadlineYear, value: target.value }];
  const steps = (target.milestones ?? [])
    .filter((step) => step.year > target.baselineYear && step.year < target.deadlineYear)
    .sort((a, b) => a.year - b.year);
  return [...steps, { year: target.deadlineYear, value: target.value }];
}

/**
 * "The other communes gain N criteria each year": those not at the level in the year that gained
 * fewer than N criteria over the year before (a commune meeting every criterion has nothing left
 * to gain). Null when the target has no such clause or the year before has no results.
 */
function othersBehind(input: TargetInput, scope: TargetCommune[], year: number) {
  const { target } = input;
  const gain = target.othersGainPerYear;
  if (target.kind !== "communesAtLevel" || !gain) return null;
  if (!scope.some((c) => resultOf(c, year - 1))) return null;
  const wanted = levelRank(input.levels, target.level ?? input.levels[0]);
  return scope
    .flatMap((c) => {
      const now = resultOf(c, year);
      const before = resultOf(c, year - 1);
      if (!now || !before || levelRank(input.levels, now.level) >= wanted) return [];
      const gained = now.criteriaMet - before.criteriaMet;
      if (gained >= gain || now.criteriaMet >= now.criteriaTotal) return [];
      const required = `+${n(gain)} tiêu chí so với năm ${year - 1} (${n(before.criteriaMet)} tiêu chí)`;
      return [{ ...behindRow(c, year, required, false), gained }];
    })
    .sort((a, b) => a.gained - b.gained || byNeed(a, b));
}

function othersWords(input: TargetInput, behind: BehindCommune[] | null, year: number): string {
  const gain = input.target.othersGainPerYear;
  if (behind === null || !gain) return "";
  const clause = `các xã còn lại mỗi năm tăng ít nhất ${n(gain)} tiêu chí`;
  if (behind.length === 0)
    return ` Về ${clause}: không có xã nào tăng dưới ${n(gain)} tiêu chí so với năm ${year - 1}.`;
  const names = behind.map((row) => `${row.name} (${signed(row.gained ?? 0, "0")})`).join(", ");
  return ` Về ${clause}: ${n(behind.length)} xã tăng dưới ${n(gain)} tiêu chí so với năm ${year - 1} — ${names}.`;
}

/**
 * `nameable`: the communes the reader may see named (a district reading a province target); the
 * rule's words about the other communes' gain name only them. The figures stay the whole target's.
 */
function evaluateAggregate(input: TargetInput, nameable?: ReadonlySet<string>): TargetProgress {
  const { target } = input;
  const year = Math.min(input.year, target.deadlineYear);
  const scope = communesInScope(input);
  const unit = aggregateUnit(input);
  const actual = aggregateAt(input, scope, year);
  const series = yearsFrom(target.baselineYear, year).map((at) => ({
    year: at,
    actual: aggregateAt(input, scope, at),
  }));
  const gap = actual === null ? null : round(Math.max(0, target.value - actual), 2);
  const schedule = scheduleOf(target);
  const step = schedule.find((entry) => entry.year >= year) ?? {
    year: target.deadlineYear,
    value: target.value,
  };
  const others = actual === null ? null : othersBehind(input, scope, year);
  const rest = {
    year,
    actual,
    target: target.value,
    gap,
    unit,
    series,
    behind: actual === null ? [] : (others ?? aggregateBehind(input, scope, year)),
    communes: scope.length,
    milestone: schedule.length > 1 ? step : null,
  };
  const requirement = describeRequirement(input);
  if (actual === null || gap === null) {
    return progress("noData", `Chưa có số liệu năm ${year} (${requirement}).`, rest);
  }
  const named = nameable && others ? others.filter((row) => nameable.has(row.code)) : others;
  const tail = othersWords(input, named, year);
  const figure = `năm ${year}: ${n(actual)} ${unit}, mục tiêu ${n(target.value)} ${unit}`;
  if (gap === 0)
    return progress("met", `Đã đạt mục tiêu (${requirement}), ${figure}.${tail}`, rest);
  const yearsLeft = target.deadlineYear - year;
  if (yearsLeft <= 0) {
    return progress(
      "offTrack",
      `Đã đến hạn năm ${target.deadlineYear}: ${figure}, còn thiếu ${n(gap)} ${unit}.${tail}`,
      rest,
    );
  }
  const final = `mục tiêu năm ${target.deadlineYear}: ${n(target.value)} ${unit}`;
  if (step.year === year) {
    // The year in view has its own milestone: judged on it, not on a line from the baseline.
    const reached = `năm ${year}: ${n(actual)} ${unit}, mốc năm ${year}: ${n(step.value)} ${unit}`;
    return actual >= step.value
      ? progress("onTrack", `Đạt mốc ${reached}; ${final}.${tail}`, rest)
      : progress(
          "offTrack",
          `Chưa đạt mốc ${reached} (thiếu ${n(round(step.value - actual, 2))} ${unit}); ${final}.${tail}`,
          rest,
        );
  }
  const toward =
    step.year < target.deadlineYear ? `mốc năm ${step.year}: ${n(step.value)} ${unit}` : null;
  const aim = toward ? `năm ${year}: ${n(actual)} ${unit}, ${toward}; ${final}` : figure;
  if (actual >= step.value) {
    return progress("onTrack", `${aim} — đã đạt trước mốc.${tail}`, rest);
  }
  const base = aggregateAt(input, scope, target.baselineYear);
  if (base === null || year <= target.baselineYear) {
    return progress(
      "atRisk",
      `${aim}, còn thiếu ${n(gap)} ${unit}; chưa có số liệu hai năm để tính tốc độ so với năm ${target.baselineYear}.${tail}`,
      rest,
    );
  }
  const rate = (actual - base) / (year - target.baselineYear);
  const stepYears = step.year - year;
  const needed = (step.value - actual) / stepYears;
  const status = statusFromPace(rate / needed);
  const by = toward ? `đến mốc năm ${step.year}` : "";
  return progress(
    status,
    `${aim}. Tốc độ từ năm ${target.baselineYear}: ${signed(rate)} ${unit}/năm; cần ${signed(needed)} ${unit}/năm trong ${stepYears} năm còn lại${by ? ` ${by}` : ""} — ${paceWords(status)}.${tail}`,
    rest,
  );
}

function signed(value: number, zero?: string): string {
  if (value === 0 && zero !== undefined) return zero;
  const text = n(round(value, 2));
  return value > 0 ? `+${text}` : text;
}

/** The target in words, e.g. "không còn xã dưới 10 tiêu chí đến năm 2023". */
export function describeRequirement(input: Pick<TargetInput, "target">): string {
  const { target } = input;
  const schedule = scheduleOf(target);
  const others = target.othersGainPerYear
    ? `; các xã còn lại mỗi năm tăng ít nhất ${n(target.othersGainPerYear)} tiêu chí`
    : "";
  if (schedule.length === 1)
    return describeValue(target, target.value, `đến năm ${target.deadlineYear}`) + others;
  const steps = schedule.map((step, index) =>
    describeValue(
      target,
      step.value,
      index === schedule.length - 1 ? `đến năm ${step.year}` : `năm ${step.year}`,
    ),
  );
  return steps.join(", ") + others;
}

function describeValue(target: TargetDefinition, value: number, by: string): string {
  const others = target.excludeRecognised ? "các xã chưa đạt chuẩn năm gốc" : "mỗi xã";
  switch (target.kind) {
    case "communesAtLevel": {
      const level = levelPhrases[target.level ?? "standard"];
      return target.measure === "share"
        ? `${n(value)} % số xã ${level} ${by}`
        : `${n(value)} xã ${level} ${by}`;
    }
    case "averageCriteria":
      return `bình quân ${n(value)} tiêu chí/xã ${by}`;
    case "minCriteria":
      return `không còn xã dưới ${n(value)} tiêu chí ${by}`;
    case "gainOverBaseline":
      return target.perYear
        ? `${others} tăng ít nhất ${n(value)} tiêu chí mỗi năm từ năm ${target.baselineYear}, ${by}`
        : `${others} tăng ít nhất ${n(value)} tiêu chí so với năm ${target.baselineYear}, ${by}`;
    case "maintenance":
      return `các xã đã đạt chuẩn năm ${target.baselineYear} duy trì đủ tiêu chí ${by}`;
    case "ocopProducts":
      return `${n(value)} sản phẩm OCOP từ ${n(target.minStars ?? 3)} sao còn hiệu lực ${by}`;
    case "enteredValue":
      return `${n(value)} ${target.valueUnit ?? ""} ${by}`.replace(/\s+/g, " ");
    case "villagesRecognised":
      return target.measure === "share"
        ? `${n(value)} % số thôn được công nhận thôn đạt chuẩn nông thôn mới ${by}`
        : `${n(value)} thôn được công nhận thôn đạt chuẩn nông thôn mới ${by}`;
  }
}

/**
 * Progress of a target from the stored results: actual figure, gap, communes behind and a status
 * with the rule that gave it. Results after the deadline are not used: a past target is judged on
 * its deadline year.
 */
export function evaluateTarget(
  input: TargetInput,
  options: { nameable?: ReadonlySet<string> } = {},
): TargetProgress {
  const rule = communeRule(input);
  return rule ? evaluatePerCommune(input, rule) : evaluateAggregate(input, options.nameable);
}

/**
 * The part of a target's progress that falls on some of its communes, e.g. a district's communes
 * in a province target: how many of them the target is computed on, and which are behind.
 */
export function targetShare(
  input: TargetInput,
  evaluated: TargetProgress,
  codes: ReadonlySet<string>,
): TargetShare {
  // A figure entered by the office (districts, villages, OCOP products) is not made of communes.
  if (input.target.kind === "enteredValue" || input.target.kind === "villagesRecognised")
    return { communes: 0, behind: [], rule: evaluated.rule };
  const rule = communeRule(input);
  const scope = communesInScope(input).filter(
    (c) => codes.has(c.code) && (rule === null || rule.requiredFinal(c) !== null),
  );
  return {
    communes: scope.length,
    behind: evaluated.behind.filter((row) => codes.has(row.code)),
    // The rule's words as the part may read them: the other communes' yearly gain names only
    // the part's own communes, never those of the rest of the target.
    rule: rule ? evaluated.rule : evaluateTarget(input, { nameable: codes }).rule,
  };
}
