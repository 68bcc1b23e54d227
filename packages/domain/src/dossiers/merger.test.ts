import { describe, expect, it } from "vitest";
import type { Role } from "../access/roles.ts";
import { checkMergerDecision, mergerRecognition, type MergingUnit } from "./merger.ts";
import type { RequestedLevel } from "./regime.ts";

const unit = (code: string, level: RequestedLevel | null): MergingUnit => ({
  code,
  name: `Xã ${code}`,
  recognisedLevel: level,
});

const allRecognised = mergerRecognition([unit("A", "advanced"), unit("B", "standard")]);
const oneMissing = mergerRecognition([unit("A", "standard"), unit("B", null)]);

describe("merger decision (CV 267)", () => {
  it.each([
    ["province admin, all recognised", "province_admin", allRecognised, null, "2025-07-15", "ok"],
    ["coordination office", "coordination_office", allRecognised, null, "2025-07-01", "ok"],
    ["a district account", "district", allRecognised, null, "2025-07-15", "forbidden"],
    ["a commune officer", "commune_officer", allRecognised, null, "2025-07-15", "forbidden"],
    ["one commune not recognised", "province_admin", oneMissing, null, "2025-07-15", "conflict"],
    ["already recognised", "province_admin", allRecognised, "standard", "2025-07-15", "conflict"],
    ["decided before the merger", "province_admin", allRecognised, null, "2025-06-30", "invalid"],
  ] as const)("%s", (_name, role, merger, currentLevel, decisionDate, expected) => {
    const check = checkMergerDecision({
      merger,
      actorRole: role as Role,
      effectiveDate: "2025-07-01",
      decisionDate,
      currentLevel,
    });
    expect(check.ok ? "ok" : check.refusal).toBe(expected);
    if (check.ok) expect(check.level).toBe("standard");
    else expect(check.reason.length).toBeGreaterThan(10);
  });

  it("names the commune that was not recognised in the refusal", () => {
    const check = checkMergerDecision({
      merger: oneMissing,
      actorRole: "province_admin",
      effectiveDate: "2025-07-01",
      decisionDate: "2025-07-15",
      currentLevel: null,
    });
    expect(check).toMatchObject({
      ok: false,
      reason: expect.stringContaining("Xã B chưa đạt chuẩn"),
    });
  });
});
