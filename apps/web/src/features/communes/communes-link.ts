import type { LevelCode } from "@ntm/domain";
import type { CriterionStatus } from "@ntm/contracts";

/** The figure a list is opened from: one of its filters, as the communes endpoint reads them. */
export interface CommunesFilter {
  level?: LevelCode | "none";
  atLeast?: LevelCode;
  criteriaMet?: number;
  below?: number;
  minCriteria?: number;
  data?: "evaluated" | "missing";
  criterion?: string;
  status?: CriterionStatus;
  target?: number;
}

export const filterKeys = [
  "level",
  "atLeast",
  "criteriaMet",
  "below",
  "minCriteria",
  "data",
  "criterion",
  "status",
  "target",
] as const satisfies readonly (keyof CommunesFilter)[];

/** "/communes?unit=P01&year=2024&level=standard": the list of the communes behind a figure. */
export function communesLink(unit: string, year: number, filter: CommunesFilter = {}): string {
  const params = new URLSearchParams({ unit, year: String(year) });
  for (const key of filterKeys) {
    const value = filter[key];
    if (value !== undefined) params.set(key, String(value));
  }
  return `/communes?${params.toString()}`;
}
