import { formatDateVi } from "../calendar/index.ts";

/** Who holds an obstacle: the level expected to resolve it. */
export const obstacleLevels = [
  "commune",
  "district",
  "department",
  "coordination_office",
  "province_committee",
] as const;
export type ObstacleLevel = (typeof obstacleLevels)[number];

export const obstacleLevelNames: Record<ObstacleLevel, string> = {
  commune: "UBND xã",
  district: "UBND huyện",
  department: "Sở, ngành",
  coordination_office: "Văn phòng điều phối NTM tỉnh",
  province_committee: "UBND tỉnh",
};

export type ObstacleStatus = "open" | "escalated" | "resolved";

export const obstacleStatusNames: Record<ObstacleStatus, string> = {
  open: "Đang xử lý",
  escalated: "Đã chuyển cấp trên",
  resolved: "Đã giải quyết",
};

/**
 * The level above each holder. A commune goes to its district, a district or a department to
 * the coordination office, which proposes to the provincial People's Committee what is beyond
 * its authority ("nếu vượt thẩm quyền, đề xuất UBND tỉnh"). Where no district stands above the
 * commune (local government of two levels since 1/7/2025), the commune goes to the office.
 */
function nextLevel(holder: ObstacleLevel, tree: ObstacleTree): ObstacleLevel | null {
  switch (holder) {
    case "commune":
      return tree.districtAbove ? "district" : "coordination_office";
    case "district":
    case "department":
      return "coordination_office";
    case "coordination_office":
      return "province_committee";
    case "province_committee":
      return null;
  }
}

/** The tree an obstacle moves in: whether a district stands above its unit on the date. */
export interface ObstacleTree {
  districtAbove: boolean;
  /** The date the tree is read on (the day of the step, or a closed unit's last day). */
  on: string;
}

/** The obstacle tree of a unit from its path on a date (the unit first, then the units above). */
export function obstacleTreeOf(path: readonly { level: string }[], on: string): ObstacleTree {
  return { districtAbove: path.some((step) => step.level === "district"), on };
}

export interface ObstacleState {
  status: ObstacleStatus;
  holder: ObstacleLevel;
}

export type ObstacleAction =
  | { type: "escalate"; to?: ObstacleLevel }
  | { type: "resolve"; answer: string }
  | { type: "reopen" };

export type ObstacleTransition =
  { ok: true; next: ObstacleState; reason: string } | { ok: false; reason: string };

function rank(level: ObstacleLevel) {
  return level === "department" ? 2 : obstacleLevels.indexOf(level);
}

/**
 * The escalation state machine: the holder resolves an obstacle or passes it up to a level with
 * more authority; a resolved obstacle can be reopened at the level that resolved it.
 */
export function transitionObstacle(
  state: ObstacleState,
  action: ObstacleAction,
  tree: ObstacleTree,
): ObstacleTransition {
  if (action.type === "reopen") {
    return state.status === "resolved"
      ? {
          ok: true,
          next: { status: "open", holder: state.holder },
          reason: "Mở lại khó khăn, vướng mắc.",
        }
      : { ok: false, reason: "Chỉ mở lại được khó khăn, vướng mắc đã giải quyết." };
  }
  if (state.status === "resolved") {
    return { ok: false, reason: "Khó khăn, vướng mắc này đã được giải quyết." };
  }
  if (action.type === "resolve") {
    if (action.answer.trim().length < 3) {
      return { ok: false, reason: "Cần ghi nội dung trả lời, cách giải quyết." };
    }
    return {
      ok: true,
      next: { status: "resolved", holder: state.holder },
      reason: `${obstacleLevelNames[state.holder]} đã giải quyết.`,
    };
  }
  if (action.to === "district" && !tree.districtAbove) {
    return {
      ok: false,
      reason: `Ngày ${formatDateVi(tree.on)} không có UBND huyện phía trên đơn vị này (chính quyền địa phương hai cấp từ 01/07/2025): chuyển Văn phòng điều phối NTM tỉnh.`,
    };
  }
  const target = action.to ?? nextLevel(state.holder, tree);
  if (!target) {
    return {
      ok: false,
      reason: `${obstacleLevelNames[state.holder]} là cấp cao nhất trong tỉnh; không thể chuyển tiếp.`,
    };
  }
  if (rank(target) <= rank(state.holder)) {
    return {
      ok: false,
      reason: `Chỉ chuyển lên cấp có thẩm quyền cao hơn ${obstacleLevelNames[state.holder]}.`,
    };
  }
  return {
    ok: true,
    next: { status: "escalated", holder: target },
    reason: `Vượt thẩm quyền của ${obstacleLevelNames[state.holder]}, chuyển ${obstacleLevelNames[target]}.`,
  };
}

/** The level an account acts at, for obstacles. */
export function obstacleLevelOfRole(role: string): ObstacleLevel | null {
  switch (role) {
    case "commune_officer":
      return "commune";
    case "district":
      return "district";
    case "department":
      return "department";
    case "coordination_office":
      return "coordination_office";
    case "province_admin":
      return "province_committee";
    default:
      return null;
  }
}

/** Whether an obstacle is overdue on a date (ISO dates compare as text). */
export function isObstacleOverdue(
  obstacle: { status: ObstacleStatus; dueDate: string },
  today: string,
): boolean {
  return obstacle.status !== "resolved" && obstacle.dueDate < today;
}
