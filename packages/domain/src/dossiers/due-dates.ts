import { addDays, addWorkingDays, subtractWorkingDays } from "../calendar/index.ts";
import type { DossierState } from "./dossier-state.ts";
import type { RegimeConfig, StepDueRule } from "./regime.ts";

export interface StepDue {
  code: string;
  due: string;
}

function shift(
  base: string,
  rule: StepDueRule,
  direction: 1 | -1,
  holidays: ReadonlySet<string>,
): string {
  if (rule.unit !== "working" || rule.days === 0) return addDays(base, direction * rule.days);
  return direction === 1
    ? addWorkingDays(base, rule.days, holidays)
    : subtractWorkingDays(base, rule.days, holidays);
}

/**
 * Due date of every step: "before the batch deadline" steps count back from the deadline;
 * "after the previous step" steps count from the previous completion, or its due date while open.
 * Steps whose rule is in working days skip weekends and the given public holidays.
 */
export function stepDueDates(
  state: DossierState,
  regime: RegimeConfig,
  batchDeadline: string,
  holidays: ReadonlySet<string> = new Set(),
): StepDue[] {
  const result: StepDue[] = [];
  regime.steps.forEach((step, index) => {
    if (step.due.kind === "beforeBatchDeadline") {
      result.push({ code: step.code, due: shift(batchDeadline, step.due, -1, holidays) });
      return;
    }
    const previous = state.steps[index - 1];
    const base = previous?.completedAt?.slice(0, 10) ?? result[index - 1]?.due ?? batchDeadline;
    result.push({ code: step.code, due: shift(base, step.due, 1, holidays) });
  });
  return result;
}

/** The open step's due date and whether it has passed on `today`. */
export function currentDue(
  state: DossierState,
  regime: RegimeConfig,
  batchDeadline: string,
  today: string,
  holidays: ReadonlySet<string> = new Set(),
): { step: string; due: string; overdue: boolean } | null {
  if (state.status === "decided") return null;
  const due = stepDueDates(state, regime, batchDeadline, holidays)[state.currentStep];
  if (!due) return null;
  return { step: due.code, due: due.due, overdue: due.due < today };
}
