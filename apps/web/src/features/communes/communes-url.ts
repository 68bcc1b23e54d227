import { criterionStatusSchema } from "@ntm/contracts";
import { urlField, type UrlFields } from "../../lib/use-url-state.ts";
import type { CommunesFilter } from "./communes-link.ts";

const levels = ["standard", "advanced", "model", "modern"] as const;
export const sortKeys = ["name", "parent", "criteria", "level", "status"] as const;
export type SortKey = (typeof sortKeys)[number];

export interface CommunesUrlState {
  unit: string;
  level: (typeof levels)[number] | "none" | null;
  atLeast: (typeof levels)[number] | null;
  criteriaMet: number | null;
  below: number | null;
  minCriteria: number | null;
  data: "evaluated" | "missing" | null;
  criterion: string;
  status: NonNullable<CommunesFilter["status"]> | null;
  target: number | null;
  q: string;
  sort: SortKey;
  order: "asc" | "desc";
  page: number;
  size: number;
}

export const communesUrlFields: UrlFields<CommunesUrlState> = {
  unit: urlField.text(),
  level: urlField.oneOf([...levels, "none"], null),
  atLeast: urlField.oneOf(levels, null),
  criteriaMet: urlField.optionalInteger(0, 100),
  below: urlField.optionalInteger(0, 100),
  minCriteria: urlField.optionalInteger(0, 100),
  data: urlField.oneOf(["evaluated", "missing"], null),
  criterion: urlField.text(),
  status: urlField.oneOf(criterionStatusSchema.options, null),
  target: urlField.optionalInteger(1, 2_147_483_647),
  q: urlField.text(),
  sort: urlField.oneOf(sortKeys, "name"),
  order: urlField.oneOf(["asc", "desc"], "asc"),
  page: urlField.integer(1, 1, 100_000),
  size: urlField.integer(20, 10, 100),
};

/** The filters the server applies, from the URL's state. */
export function filterOf(state: CommunesUrlState): CommunesFilter {
  const filter: CommunesFilter = {};
  if (state.level) filter.level = state.level;
  if (state.atLeast) filter.atLeast = state.atLeast;
  if (state.criteriaMet !== null) filter.criteriaMet = state.criteriaMet;
  if (state.below !== null) filter.below = state.below;
  if (state.minCriteria !== null) filter.minCriteria = state.minCriteria;
  if (state.data) filter.data = state.data;
  if (state.criterion) filter.criterion = state.criterion;
  if (state.status) filter.status = state.status;
  if (state.target !== null) filter.target = state.target;
  return filter;
}
