import type { Role } from "../access/roles.ts";
import { roleNames } from "../access/roles.ts";
import {
  checkAllConfirmed,
  checkBroadcasts,
  checkCouncil,
  checkSatisfaction,
  recognitionConditions,
  type CheckResult,
} from "./checks.ts";
import { formatDateVi } from "../calendar/index.ts";
import type {
  DossierState,
  ReturnReason,
  StepData,
  StepDataMap,
  StepRecord,
} from "./dossier-state.ts";
import type { RegimeConfig, StepCode } from "./regime.ts";

export interface DossierActor {
  role: Role;
  username: string;
  departmentName: string | null;
  /** Department only: "setCode:criterionCode" keys it is in charge of. */
  criteria: string[];
}

export type DossierAction =
  | { type: "complete"; step: StepCode; data: StepData }
  | { type: "confirm"; criteria: string[] }
  | { type: "return"; reasons: ReturnReason[] };

export type DossierEvent =
  | { type: "step_completed"; step: StepCode; round: number }
  | { type: "criteria_confirmed"; criteria: string[] }
  | {
      type: "returned";
      fromStep: StepCode;
      toStep: StepCode;
      round: number;
      reasons: ReturnReason[];
    }
  | { type: "recognised"; decisionNumber: string; decisionDate: string }
  | { type: "revoked"; decisionNumber: string; decisionDate: string };

/**
 * Why an action is refused: the actor's role may not take it ("forbidden"), or the dossier is not
 * in a state that allows it ("conflict").
 */
export type TransitionRefusal = "forbidden" | "conflict";

export type TransitionResult =
  | { ok: true; state: DossierState; events: DossierEvent[] }
  | { ok: false; refusal: TransitionRefusal; reason: string; checks?: CheckResult[] };

const refuse = (reason: string, checks?: CheckResult[]): TransitionResult => ({
  ok: false,
  refusal: "conflict",
  reason,
  ...(checks ? { checks } : {}),
});

const forbid = (reason: string): TransitionResult => ({ ok: false, refusal: "forbidden", reason });

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
/** Fields that may lie in the future (a posting period still running). */
const futureAllowed = new Set(["postingTo"]);

function futureDate(data: object, today: string): string | undefined {
  for (const [key, value] of Object.entries(data)) {
    if (
      typeof value === "string" &&
      isoDatePattern.test(value) &&
      value > today &&
      !futureAllowed.has(key)
    ) {
      return value;
    }
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        if (typeof item === "string" && isoDatePattern.test(item) && item > today) return item;
        if (item && typeof item === "object") {
          const nested = futureDate(item, today);
          if (nested) return nested;
        }
      }
    }
  }
  return undefined;
}

/** The rule checks a step must pass before it closes; empty when the step has none. */
export function stepChecks(
  state: DossierState,
  regime: RegimeConfig,
  step: StepCode,
  data: StepData,
  today: string,
): CheckResult[] {
  switch (step) {
    case "front_comments": {
      const comments = (data as StepDataMap["front_comments"]).comments;
      const ok =
        comments.length > 0 && comments.every((c) => c.organisation.trim() && c.content.trim());
      return [
        {
          code: "comments",
          label: "Có ý kiến của Mặt trận Tổ quốc và các tổ chức",
          met: ok,
          reason: ok
            ? `Đã ghi ${comments.length} ý kiến.`
            : "Cần ghi ít nhất một ý kiến, mỗi ý kiến có tổ chức và nội dung.",
        },
      ];
    }
    case "public_posting":
      return [checkBroadcasts(data as StepDataMap["public_posting"], regime.rules, today)];
    case "satisfaction_survey":
      return [
        checkSatisfaction(
          data as StepDataMap["satisfaction_survey"],
          regime.rules,
          state.unitLevel,
        ),
      ];
    case "appraisal":
      return [checkAllConfirmed(state)];
    case "council_vote":
      return [checkCouncil(data as StepDataMap["council_vote"], regime.rules)];
    case "decision":
      return recognitionConditions(state, regime);
    case "revocation_decision":
      return [
        {
          code: "revocation_flag",
          label: "Đơn vị thuộc diện xem xét thu hồi",
          met: state.revocationFlag !== null,
          reason: state.revocationFlag?.reason ?? "Đơn vị không thuộc diện xem xét thu hồi.",
        },
      ];
    default:
      return [];
  }
}

function withStep(state: DossierState, index: number, record: StepRecord): StepRecord[] {
  return state.steps.map((step, i) => (i === index ? record : step));
}

function complete(
  state: DossierState,
  regime: RegimeConfig,
  action: Extract<DossierAction, { type: "complete" }>,
  actor: DossierActor,
  now: string,
): TransitionResult {
  const today = now.slice(0, 10);
  const index = regime.steps.findIndex((step) => step.code === action.step);
  const definition = regime.steps[index];
  if (!definition) return refuse(`Quy trình ${regime.name} không có bước "${action.step}".`);
  // Who may act comes first: a role that never acts on the step learns nothing of its state.
  if (actor.role !== definition.actingRole) {
    return forbid(
      `Bước "${definition.name}" do ${roleNames[definition.actingRole]} thực hiện; tài khoản của bạn là ${roleNames[actor.role]}.`,
    );
  }
  const current = regime.steps[state.currentStep] as (typeof regime.steps)[number];
  if (index < state.currentStep) {
    return refuse(`Bước "${definition.name}" đã hoàn thành; bước đang chờ là "${current.name}".`);
  }
  if (index > state.currentStep) {
    return refuse(`Chưa đến bước "${definition.name}": bước "${current.name}" chưa hoàn thành.`);
  }
  const future = futureDate(action.data, today);
  if (future)
    return refuse(
      `Ngày ${formatDateVi(future)} chưa đến; không ghi được kết quả cho ngày tương lai.`,
    );
  const candidate: DossierState = {
    ...state,
    steps: withStep(state, index, { ...(state.steps[index] as StepRecord), data: action.data }),
  };
  const checks = stepChecks(candidate, regime, action.step, action.data, today);
  const failed = checks.filter((check) => !check.met);
  if (failed.length > 0) {
    return refuse(
      `Chưa thể hoàn thành bước "${definition.name}": ${failed.map((check) => check.reason).join(" ")}`,
      checks,
    );
  }
  const last = index === regime.steps.length - 1;
  const next: DossierState = {
    ...candidate,
    steps: withStep(candidate, index, {
      code: definition.code,
      status: "completed",
      completedAt: now,
      completedBy: actor.username,
      data: action.data,
    }),
    currentStep: last ? index : index + 1,
    status: last ? "decided" : "open",
  };
  const events: DossierEvent[] = [
    { type: "step_completed", step: definition.code, round: state.round },
  ];
  if (last) {
    const decision = action.data as StepDataMap["decision"];
    events.push({
      type: state.kind === "recognition" ? "recognised" : "revoked",
      decisionNumber: decision.decisionNumber,
      decisionDate: decision.decisionDate,
    });
  }
  return { ok: true, state: next, events };
}

function confirm(
  state: DossierState,
  regime: RegimeConfig,
  action: Extract<DossierAction, { type: "confirm" }>,
  actor: DossierActor,
  now: string,
): TransitionResult {
  if (actor.role !== "department" && actor.role !== "coordination_office") {
    return forbid(
      "Chỉ sở, ngành phụ trách tiêu chí (hoặc Văn phòng điều phối) được xác nhận tiêu chí.",
    );
  }
  const current = regime.steps[state.currentStep];
  if (current?.code !== "appraisal") {
    return refuse("Chỉ xác nhận tiêu chí trong bước thẩm định của tỉnh.");
  }
  if (action.criteria.length === 0) return refuse("Chưa chọn tiêu chí nào để xác nhận.");
  for (const code of action.criteria) {
    const criterion = state.snapshot.criteria.find((c) => c.code === code);
    if (!criterion) return refuse(`Hồ sơ không có tiêu chí ${code}.`);
    if (
      actor.role === "department" &&
      !actor.criteria.includes(`${state.snapshot.setCode}:${code}`)
    ) {
      return forbid(`Tiêu chí ${code} ${criterion.name} không thuộc sở, ngành của bạn phụ trách.`);
    }
    if (criterion.status !== "met") {
      return refuse(
        `Tiêu chí ${code} ${criterion.name} chưa đạt tại thời điểm nộp hồ sơ; không thể xác nhận đạt.`,
      );
    }
  }
  const others = state.confirmations.filter(
    (item) => !action.criteria.includes(item.criterionCode),
  );
  const added = action.criteria.map((criterionCode) => ({
    criterionCode,
    by: actor.username,
    department: actor.departmentName,
    at: now,
  }));
  return {
    ok: true,
    state: { ...state, confirmations: [...others, ...added] },
    events: [{ type: "criteria_confirmed", criteria: action.criteria }],
  };
}

function sendBack(
  state: DossierState,
  regime: RegimeConfig,
  action: Extract<DossierAction, { type: "return" }>,
  actor: DossierActor,
  now: string,
): TransitionResult {
  const current = regime.steps[state.currentStep] as (typeof regime.steps)[number];
  if (actor.role !== current.actingRole) {
    return forbid(
      `Chỉ ${roleNames[current.actingRole]} (người xử lý bước "${current.name}") được trả lại hồ sơ.`,
    );
  }
  const previous = regime.steps[state.currentStep - 1];
  if (!previous) return refuse("Hồ sơ đang ở bước đầu tiên; không có bước trước để trả lại.");
  if (action.reasons.length === 0 || action.reasons.some((reason) => !reason.text.trim())) {
    return refuse("Trả lại hồ sơ phải nêu lý do (gắn với tiêu chí hoặc tài liệu).");
  }
  const unknown = action.reasons.find(
    (reason) =>
      reason.criterionCode !== undefined &&
      !state.snapshot.criteria.some((criterion) => criterion.code === reason.criterionCode),
  );
  if (unknown) return refuse(`Hồ sơ không có tiêu chí ${unknown.criterionCode}.`);
  const round = state.round + 1;
  const steps = state.steps.map((step, i) =>
    i === state.currentStep - 1 ? { ...step, status: "pending" as const } : step,
  );
  const record = {
    round: state.round,
    fromStep: current.code,
    toStep: previous.code,
    by: actor.username,
    at: now,
    reasons: action.reasons,
  };
  return {
    ok: true,
    state: {
      ...state,
      steps,
      currentStep: state.currentStep - 1,
      round,
      // The appraisal is redone after a return, so the departments confirm again.
      confirmations: current.code === "appraisal" ? [] : state.confirmations,
      returns: [...state.returns, record],
    },
    events: [
      {
        type: "returned",
        fromStep: current.code,
        toStep: previous.code,
        round: state.round,
        reasons: action.reasons,
      },
    ],
  };
}

/**
 * The dossier state machine: applies one action of one actor at `now` (ISO date-time) and returns
 * the new state with its events, or a refusal with its kind and the reason in Vietnamese. Nothing
 * else changes.
 */
export function transition(
  state: DossierState,
  regime: RegimeConfig,
  action: DossierAction,
  actor: DossierActor,
  now: string,
): TransitionResult {
  if (regime.code !== state.regimeCode) {
    return refuse(`Hồ sơ theo quy trình ${state.regimeCode}, không phải ${regime.code}.`);
  }
  if (state.status === "decided") {
    return refuse("Hồ sơ đã có quyết định; không thể thay đổi.");
  }
  switch (action.type) {
    case "complete":
      return complete(state, regime, action, actor, now);
    case "confirm":
      return confirm(state, regime, action, actor, now);
    case "return":
      return sendBack(state, regime, action, actor, now);
  }
}

/** A new dossier at its first step. */
export function openDossier(options: {
  regime: RegimeConfig;
  unitLevel: DossierState["unitLevel"];
  requestedLevel: DossierState["requestedLevel"];
  snapshot: DossierState["snapshot"];
  revocationFlag?: DossierState["revocationFlag"];
}): DossierState {
  return {
    kind: options.regime.kind,
    regimeCode: options.regime.code,
    unitLevel: options.unitLevel,
    requestedLevel: options.requestedLevel,
    status: "open",
    currentStep: 0,
    round: 1,
    steps: options.regime.steps.map((step) => ({
      code: step.code,
      status: "pending",
      completedAt: null,
      completedBy: null,
      data: null,
    })),
    confirmations: [],
    returns: [],
    snapshot: options.snapshot,
    revocationFlag: options.revocationFlag ?? null,
  };
}

/** The actions an actor may take now, for the page to show only those. */
export function availableActions(
  state: DossierState,
  regime: RegimeConfig,
  actor: Pick<DossierActor, "role">,
): { complete: boolean; confirm: boolean; return: boolean } {
  if (state.status === "decided") return { complete: false, confirm: false, return: false };
  const current = regime.steps[state.currentStep];
  const acting = current?.actingRole === actor.role;
  return {
    complete: acting,
    confirm:
      current?.code === "appraisal" &&
      (actor.role === "department" || actor.role === "coordination_office"),
    return: acting && state.currentStep > 0,
  };
}
