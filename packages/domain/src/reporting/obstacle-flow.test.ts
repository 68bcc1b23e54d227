import { describe, expect, it } from "vitest";
import {
  isObstacleOverdue,
  obstacleTreeOf,
  transitionObstacle,
  type ObstacleAction,
  type ObstacleState,
} from "./obstacle-flow.ts";

/** A commune under a district (before 1/7/2025). */
const oldTree = { districtAbove: true, on: "2024-10-01" };

describe("transitionObstacle", () => {
  it.each<[string, ObstacleState, ObstacleAction, ObstacleState | null, string]>([
    [
      "commune passes to district",
      { status: "open", holder: "commune" },
      { type: "escalate" },
      { status: "escalated", holder: "district" },
      "chuyển UBND huyện",
    ],
    [
      "district passes to the office",
      { status: "open", holder: "district" },
      { type: "escalate" },
      { status: "escalated", holder: "coordination_office" },
      "Văn phòng điều phối",
    ],
    [
      "department passes to the office",
      { status: "open", holder: "department" },
      { type: "escalate" },
      { status: "escalated", holder: "coordination_office" },
      "Vượt thẩm quyền",
    ],
    [
      "office proposes to UBND tỉnh",
      { status: "escalated", holder: "coordination_office" },
      { type: "escalate" },
      { status: "escalated", holder: "province_committee" },
      "UBND tỉnh",
    ],
    [
      "district skips to UBND tỉnh",
      { status: "open", holder: "district" },
      { type: "escalate", to: "province_committee" },
      { status: "escalated", holder: "province_committee" },
      "UBND tỉnh",
    ],
    [
      "nothing above UBND tỉnh",
      { status: "escalated", holder: "province_committee" },
      { type: "escalate" },
      null,
      "cấp cao nhất",
    ],
    [
      "not down",
      { status: "open", holder: "coordination_office" },
      { type: "escalate", to: "district" },
      null,
      "cao hơn",
    ],
    [
      "district to the department in charge",
      { status: "open", holder: "district" },
      { type: "escalate", to: "department" },
      { status: "escalated", holder: "department" },
      "chuyển Sở, ngành",
    ],
    [
      "department not down to a district",
      { status: "open", holder: "department" },
      { type: "escalate", to: "district" },
      null,
      "cao hơn",
    ],
    [
      "resolve with an answer",
      { status: "escalated", holder: "district" },
      { type: "resolve", answer: "Đã bố trí vốn" },
      { status: "resolved", holder: "district" },
      "đã giải quyết",
    ],
    [
      "resolve needs an answer",
      { status: "open", holder: "district" },
      { type: "resolve", answer: " " },
      null,
      "nội dung trả lời",
    ],
    [
      "no escalation after resolution",
      { status: "resolved", holder: "district" },
      { type: "escalate" },
      null,
      "đã được giải quyết",
    ],
    [
      "reopen",
      { status: "resolved", holder: "district" },
      { type: "reopen" },
      { status: "open", holder: "district" },
      "Mở lại",
    ],
    [
      "reopen only resolved",
      { status: "open", holder: "district" },
      { type: "reopen" },
      null,
      "Chỉ mở lại",
    ],
  ])("%s", (_name, state, action, next, reason) => {
    const result = transitionObstacle(state, action, oldTree);
    expect(result.ok).toBe(next !== null);
    expect(result.reason).toContain(reason);
    if (result.ok) expect(result.next).toEqual(next);
  });
});

describe("escalation follows the tree of its date", () => {
  const before = obstacleTreeOf(
    [{ level: "commune" }, { level: "district" }, { level: "province" }],
    "2025-06-30",
  );
  const after = obstacleTreeOf([{ level: "commune" }, { level: "province" }], "2025-07-01");

  it("reads a district above the commune from the path of the date", () => {
    expect(before).toEqual({ districtAbove: true, on: "2025-06-30" });
    expect(after).toEqual({ districtAbove: false, on: "2025-07-01" });
  });

  it("passes a commune's obstacle to its district before the reform", () => {
    const result = transitionObstacle(
      { status: "open", holder: "commune" },
      { type: "escalate" },
      before,
    );
    expect(result).toMatchObject({ ok: true, next: { status: "escalated", holder: "district" } });
  });

  it("passes a commune's obstacle straight to the province's office where no district is above", () => {
    const result = transitionObstacle(
      { status: "open", holder: "commune" },
      { type: "escalate" },
      after,
    );
    expect(result).toMatchObject({
      ok: true,
      next: { status: "escalated", holder: "coordination_office" },
    });
    expect(result.reason).toContain("Văn phòng điều phối NTM tỉnh");
  });

  it("refuses a district that does not exist on the date, naming the date and the office", () => {
    const result = transitionObstacle(
      { status: "open", holder: "commune" },
      { type: "escalate", to: "district" },
      after,
    );
    expect(result.ok).toBe(false);
    expect(result.reason).toContain("01/07/2025");
    expect(result.reason).toContain("Văn phòng điều phối NTM tỉnh");
  });

  it("still lets a commune under a district name its district", () => {
    const result = transitionObstacle(
      { status: "open", holder: "commune" },
      { type: "escalate", to: "district" },
      before,
    );
    expect(result).toMatchObject({ ok: true, next: { holder: "district" } });
  });

  it("moves a department and the office the same way on both trees", () => {
    for (const tree of [before, after]) {
      expect(
        transitionObstacle({ status: "open", holder: "department" }, { type: "escalate" }, tree),
      ).toMatchObject({ ok: true, next: { holder: "coordination_office" } });
      expect(
        transitionObstacle(
          { status: "escalated", holder: "coordination_office" },
          { type: "escalate" },
          tree,
        ),
      ).toMatchObject({ ok: true, next: { holder: "province_committee" } });
    }
  });
});

describe("isObstacleOverdue", () => {
  it.each<[string, string, boolean]>([
    ["open", "2023-10-24", false],
    ["open", "2023-10-26", true],
    ["resolved", "2023-10-26", false],
  ])("%s on %s → %s", (status, today, overdue) => {
    expect(isObstacleOverdue({ status: status as "open", dueDate: "2023-10-25" }, today)).toBe(
      overdue,
    );
  });
});
