import type { Db } from "@ntm/db";
import {
  transition,
  type DossierAction,
  type StepDefinition,
  type UnitResource,
} from "@ntm/domain";
import { stepDataSchemas, type DossierDetailDto } from "@ntm/contracts";
import { AppError, invalid } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import * as clock from "../../shared/clock.ts";
import type { MailConfig } from "../../shared/config.ts";
import type { AuthUser } from "../auth/index.ts";
import { loadRegimes } from "./dossier-regimes.service.ts";
import {
  insertDossierEvents,
  lockDossier,
  updateDossierState,
  type DossierRow,
} from "./dossiers.repository.ts";
import { dossierActor, requireDossierAccess } from "./dossier-access.ts";
import { dossierNotFound, regimeOf } from "./dossier-views.ts";
import { getDossier } from "./get-dossier.ts";
import { notifyNextActors } from "./notify-next-actors.ts";
import { recordLevelChanges } from "./record-recognition.ts";

/** The policy's word on an action: the step's role acts, a department confirms its criteria. */
function assertMayAct(
  user: AuthUser,
  row: DossierRow,
  action: DossierAction,
  unit: UnitResource,
  step: StepDefinition | undefined,
) {
  if (action.type !== "confirm") {
    assertCan(user, "dossier.act", step ? { ...unit, step } : unit);
    return;
  }
  for (const criterionCode of action.criteria) {
    assertCan(user, "dossier.confirm", {
      ...unit,
      criterion: { setCode: row.state.snapshot.setCode, criterionCode },
    });
  }
}

/** The step data, checked against its schema (400 with each field). */
function parsedAction(action: DossierAction): DossierAction {
  if (action.type !== "complete") return action;
  const parsed = stepDataSchemas[action.step].safeParse(action.data);
  if (!parsed.success) {
    throw invalid(
      "Dữ liệu của bước chưa hợp lệ.",
      "The step data is not valid.",
      parsed.error.issues.map((issue) => ({
        path: issue.path.join("."),
        message: issue.message,
      })),
    );
  }
  return { ...action, data: parsed.data as typeof action.data };
}

/**
 * Applies one workflow action in one transaction: lock, access, domain transition, state, events,
 * the recognised-level history on a decision, audit and the next actors' e-mail. A refusal
 * changes nothing.
 */
export async function act(
  db: Db,
  options: {
    user: AuthUser;
    id: number;
    action: DossierAction;
    now: Date;
    mail?: MailConfig | null;
  },
): Promise<DossierDetailDto> {
  const { user, now } = options;
  const registry = await loadRegimes(db);
  await db.transaction(async (tx) => {
    const row = await lockDossier(tx, options.id);
    if (!row) throw dossierNotFound(options.id);
    const { path, resource } = await requireDossierAccess(tx, user, row);
    const regime = regimeOf(registry, row);
    const requested = options.action;
    const step =
      requested.type === "complete"
        ? regime.steps.find((candidate) => candidate.code === requested.step)
        : regime.steps[row.state.currentStep];
    assertMayAct(user, row, requested, resource, step);
    const action = parsedAction(options.action);
    const result = transition(
      row.state,
      regime,
      action,
      dossierActor(user),
      clock.localDateTime(now),
    );
    if (!result.ok) {
      throw new AppError({
        code: result.refusal === "forbidden" ? "FORBIDDEN" : "CONFLICT",
        vi: result.reason,
        en:
          result.refusal === "forbidden"
            ? "Your role cannot take this action now."
            : "The dossier is not in a state that allows this action.",
      });
    }
    const state = result.state;
    const currentStep = regime.steps[state.currentStep]?.code ?? "";
    await updateDossierState(tx, row.id, {
      state,
      status: state.status,
      currentStep,
      version: row.version + 1,
      updatedAt: now,
    });
    await insertDossierEvents(
      tx,
      result.events.map((event) => ({
        dossierId: row.id,
        at: now,
        username: user.username,
        role: user.role,
        type: event.type,
        step: "step" in event ? event.step : "fromStep" in event ? event.fromStep : null,
        round: row.state.round,
        payload:
          event.type === "step_completed" && action.type === "complete"
            ? { data: action.data }
            : event,
      })),
    );
    await recordLevelChanges(tx, row, result.events);
    await recordAudit(tx, {
      kind: `dossier.${action.type}`,
      by: user,
      key: String(row.id),
      unitCode: row.unitCode,
      old: { step: row.currentStep, status: row.status, round: row.state.round },
      new: {
        step: currentStep,
        status: state.status,
        round: state.round,
        events: result.events.map((e) => e.type),
      },
    });
    const scope = path.map((p) => p.code);
    await notifyNextActors(tx, options.mail, { row, state, regime, path: scope }, now);
  });
  return getDossier(db, { user, id: options.id, now });
}
