import { describe, expect, it } from "vitest";
import {
  isObstacleOverdue,
  transitionObstacle,
  type ObstacleAction,
  type ObstacleState,
} from "./obstacle-flow.ts";

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
    const result = transitionObstacle(state, action);
    expect(result.ok).toBe(next !== null);
    expect(result.reason).toContain(reason);
    if (result.ok) expect(result.next).toEqual(next);
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
