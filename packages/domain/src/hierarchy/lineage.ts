import type { AdminUnit } from "./admin-unit.ts";

/** Whether a successor took over all of a predecessor's area or only part of it. */
export type LinkKind = "full" | "partial";

/** One version of a unit: a code names a unit only together with the day its version began. */
export interface UnitVersionKey {
  code: string;
  validFrom: string;
}

/** A version that ended and a version that took over its area (all or part) on a date. */
export interface SuccessorLink {
  predecessorCode: string;
  predecessorValidFrom: string;
  successorCode: string;
  successorValidFrom: string;
  kind: LinkKind;
  effectiveDate: string;
}

/** A version reached through the links, with how: `partial` when any link on the way is. */
export interface LineageStep extends UnitVersionKey {
  kind: LinkKind;
  /** The date of the link nearest to the version asked about. */
  effectiveDate: string;
  /** 1 for a direct predecessor (or successor), 2 for one further, … */
  depth: number;
}

export const versionKey = (version: UnitVersionKey) => `${version.code}@${version.validFrom}`;

const sameVersion = (a: UnitVersionKey, b: UnitVersionKey) =>
  a.code === b.code && a.validFrom === b.validFrom;

function walk(
  start: UnitVersionKey,
  links: readonly SuccessorLink[],
  direction: "back" | "forward",
): LineageStep[] {
  const from = (link: SuccessorLink): UnitVersionKey =>
    direction === "back"
      ? { code: link.successorCode, validFrom: link.successorValidFrom }
      : { code: link.predecessorCode, validFrom: link.predecessorValidFrom };
  const to = (link: SuccessorLink): UnitVersionKey =>
    direction === "back"
      ? { code: link.predecessorCode, validFrom: link.predecessorValidFrom }
      : { code: link.successorCode, validFrom: link.successorValidFrom };
  const seen = new Set([versionKey(start)]);
  const result: LineageStep[] = [];
  let frontier: LineageStep[] = [
    { ...start, kind: "full", effectiveDate: "", depth: 0 } satisfies LineageStep,
  ];
  while (frontier.length > 0) {
    const next: LineageStep[] = [];
    for (const current of frontier) {
      for (const link of links) {
        if (!sameVersion(from(link), current)) continue;
        const target = to(link);
        if (seen.has(versionKey(target))) continue;
        seen.add(versionKey(target));
        const step: LineageStep = {
          ...target,
          kind: current.kind === "partial" || link.kind === "partial" ? "partial" : "full",
          effectiveDate: current.depth === 0 ? link.effectiveDate : current.effectiveDate,
          depth: current.depth + 1,
        };
        result.push(step);
        next.push(step);
      }
    }
    frontier = next;
  }
  return result;
}

/**
 * Every version a unit version was formed from, through any number of reorganisations, nearest
 * first; never the version itself, even when a predecessor carried the same code.
 */
export function predecessorsOf(
  version: UnitVersionKey,
  links: readonly SuccessorLink[],
): LineageStep[] {
  return walk(version, links, "back");
}

/** Every version that took over a unit version's area, nearest first. */
export function successorsOf(
  version: UnitVersionKey,
  links: readonly SuccessorLink[],
): LineageStep[] {
  return walk(version, links, "forward");
}

/** 31 December: the programme's year-end assessment describes the units of that day. */
export const assessmentReferenceDate = (year: number) => `${year}-12-31`;

/**
 * The version of a code that a year's assessment under that code belongs to: the version in force
 * on 31 December of the year; for a code that ended during the year (a commune merged on
 * 1/7/2025), its last version in force in that year; null when the code did not exist that year.
 */
export function versionOfYear<T extends Pick<AdminUnit, "code" | "validFrom" | "validTo">>(
  code: string,
  year: number,
  versions: readonly T[],
): T | null {
  const first = `${year}-01-01`;
  const last = assessmentReferenceDate(year);
  const candidates = versions
    .filter((v) => v.code === code && v.validFrom <= last && (v.validTo ?? last) >= first)
    .sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  return candidates[0] ?? null;
}
