import { urlField, type UrlFields } from "../../lib/use-url-state.ts";
import { defaultBelow } from "./overview-defaults.ts";

export const communesSortKeys = ["name", "parent", "criteria", "level"] as const;

export interface OverviewUrlState {
  /** The lagging list's threshold. */
  below: number;
  /** The histogram bar chosen: the list shows the communes meeting exactly that many criteria. */
  criteria: number | null;
  q: string;
  sort: (typeof communesSortKeys)[number];
  order: "asc" | "desc";
}

export const overviewUrlFields: UrlFields<OverviewUrlState> = {
  below: urlField.integer(defaultBelow, 1, 100),
  criteria: urlField.optionalInteger(0, 100),
  q: urlField.text(),
  sort: urlField.oneOf(communesSortKeys, "criteria"),
  order: urlField.oneOf(["asc", "desc"], "desc"),
};
