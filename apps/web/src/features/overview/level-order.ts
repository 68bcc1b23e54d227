import type { LevelCode } from "@ntm/domain";

const order: Record<LevelCode | "none", number> = {
  none: 0,
  standard: 1,
  advanced: 2,
  model: 3,
  modern: 4,
};

export function levelRank(level: LevelCode | null): number {
  return order[level ?? "none"];
}
