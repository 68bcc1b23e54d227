import type { Role } from "../access/roles.ts";
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

export interface MergerDecisionInput {
  /** The rule's outcome for the new commune's predecessors. */
  merger: MergerRecognition;
  actorRole: Role;
  /** The first day of the new commune (the merger's effective date). */
  effectiveDate: string;
  decisionDate: string;
  /** The level the new commune holds now, if any. */
  currentLevel: RequestedLevel | null;
}

export type MergerDecisionCheck =
  | { ok: true; level: RequestedLevel }
  | { ok: false; refusal: "forbidden" | "conflict" | "invalid"; reason: string };

const levelNames: Record<RequestedLevel, string> = {
  standard: "đạt chuẩn",
  advanced: "nâng cao",
  model: "kiểu mẫu",
};

const provinceRoles: readonly Role[] = ["province_admin", "coordination_office"];

/**
 * May the province recognise a merged commune by decision (CV 267/BNN-VPĐP)? Only the province
 * acts, only when every merging commune was recognised, only once, and not before the merger.
 */
export function checkMergerDecision(input: MergerDecisionInput): MergerDecisionCheck {
  if (!provinceRoles.includes(input.actorRole)) {
    return {
      ok: false,
      refusal: "forbidden",
      reason:
        "Chỉ UBND tỉnh (quản trị tỉnh hoặc Văn phòng điều phối) được quyết định công nhận xã sau sáp nhập.",
    };
  }
  if (input.merger.path !== "decision" || input.merger.level === null) {
    return { ok: false, refusal: "conflict", reason: input.merger.reason };
  }
  if (input.currentLevel !== null) {
    return {
      ok: false,
      refusal: "conflict",
      reason: `Xã mới đã được công nhận mức ${levelNames[input.currentLevel]}; không quyết định công nhận lại.`,
    };
  }
  if (input.decisionDate < input.effectiveDate) {
    return {
      ok: false,
      refusal: "invalid",
      reason: `Ngày quyết định phải từ ngày sáp nhập có hiệu lực (${input.effectiveDate}) trở đi.`,
    };
  }
  return { ok: true, level: input.merger.level };
}
