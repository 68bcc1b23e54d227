import type { RequestedLevel } from "./regime.ts";

export interface MergingUnit {
  code: string;
  name: string;
  /** The level recognised on the day before the merger, or null. */
  recognisedLevel: RequestedLevel | null;
}

export interface MergerRecognition {
  path: "decision" | "full_procedure";
  /** The level the province may recognise by decision (the lowest level all units held). */
  level: RequestedLevel | null;
  reason: string;
}

const order: RequestedLevel[] = ["standard", "advanced", "model"];

/**
 * CV 267/BNN-VPĐP (2024): when every merging commune was recognised, the province may recognise
 * the new commune by decision; otherwise the new commune is reviewed and goes through the full
 * procedure. The level offered is the lowest level every merging commune held.
 */
export function mergerRecognition(units: readonly MergingUnit[]): MergerRecognition {
  if (units.length === 0) {
    return {
      path: "full_procedure",
      level: null,
      reason: "Không có xã nào sáp nhập vào đơn vị này.",
    };
  }
  const missing = units.filter((unit) => unit.recognisedLevel === null);
  if (missing.length > 0) {
    return {
      path: "full_procedure",
      level: null,
      reason: `${missing.map((unit) => unit.name).join(", ")} chưa đạt chuẩn trước khi sáp nhập: xã mới phải rà soát và thực hiện đầy đủ trình tự xét công nhận.`,
    };
  }
  const lowest = order[
    Math.min(...units.map((unit) => order.indexOf(unit.recognisedLevel as RequestedLevel)))
  ] as RequestedLevel;
  return {
    path: "decision",
    level: lowest,
    reason: `Tất cả ${units.length} xã sáp nhập đều đã được công nhận: UBND tỉnh có thể quyết định công nhận xã mới mà không phải làm lại hồ sơ.`,
  };
}
