import { endOfYear, formatDateVi } from "../calendar/index.ts";
import type { CriteriaSet, Indicator } from "../catalog/criteria-set.ts";
import type { VillageRecognitionState } from "./village-recognition.ts";

/** A village of the commune on 31/12 of the year, with its standing recognition under the set. */
export interface RegistryVillage {
  code: string;
  name: string;
  recognition: Pick<VillageRecognitionState, "status" | "year" | "decisionNumber"> | null;
}

/** The province's village set in force that the condition reads from. */
export interface RegistryVillageSet {
  code: string;
  name: string;
}

export interface VillageSourcedValue {
  value: boolean | number;
  /** The villages behind the value, by name. */
  villages: { code: string; name: string; decisionNumber: string | null }[];
  /** Shown with the value on the scorecard: where it comes from and which villages count. */
  note: string;
}

/** The source word the scorecard shows before the villages behind a computed value. */
export const villageRegistrySource = "Lấy từ sổ thôn";

/** The indicators and level conditions of a commune set whose value the village registry gives. */
export function villageSourcedIndicators(set: CriteriaSet): Indicator[] {
  return [
    ...set.criteria.flatMap((criterion) => criterion.indicators),
    ...set.levels.flatMap((level) => level.conditions ?? []),
  ].filter((indicator) => indicator.source?.kind === "villageRegistry");
}

/**
 * The value of a village-sourced indicator for a commune and year: the villages in force on 31/12
 * whose recognition under the set was decided for that year or before (a yes/no indicator is met
 * from one village, a number counts them).
 */
export function villageSourcedValue(
  indicator: Indicator,
  set: RegistryVillageSet,
  villages: readonly RegistryVillage[],
  year: number,
): VillageSourcedValue {
  const counted = villages
    .filter(
      (village) => village.recognition?.status === "recognised" && village.recognition.year <= year,
    )
    .map((village) => ({
      code: village.code,
      name: village.name,
      decisionNumber: village.recognition?.decisionNumber ?? null,
    }))
    .sort((x, y) => x.name.localeCompare(y.name, "vi"));
  const value = indicator.kind === "boolean" ? counted.length > 0 : counted.length;
  const date = formatDateVi(endOfYear(year));
  const named = counted
    .map((village) =>
      village.decisionNumber ? `${village.name} (${village.decisionNumber})` : village.name,
    )
    .join(", ");
  const note =
    counted.length > 0
      ? `${villageRegistrySource} (${set.name}): ${counted.length} thôn được công nhận đến ${date}: ${named}.`
      : `${villageRegistrySource} (${set.name}): chưa có thôn nào được công nhận đến ${date}.`;
  return { value, villages: counted, note };
}

/** Why a value typed for a village-sourced indicator is refused while the province has the set. */
export function villageSourcedRefusal(indicator: Indicator, set: RegistryVillageSet): string {
  return `Chỉ tiêu ${indicator.code} (${indicator.name}) ${villageRegistrySource.toLowerCase()} theo ${set.name} của tỉnh, không nhập tay: công nhận thôn trên trang Thôn của xã.`;
}
