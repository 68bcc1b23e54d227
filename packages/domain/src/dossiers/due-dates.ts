import { addDays } from "./dates.ts";
import type { DossierState } from "./dossier-state.ts";
import type { RegimeConfig } from "./regime.ts";

export interface StepDue {
  code: string;
  due: string;
}

/**
 * Due date of every step: "before the batch deadline" steps count back from the deadline;
 * "after the previous step" steps count from the previous completion, or its due date while open.
 */
export function stepDueDates(
  state: DossierState,
  regime: RegimeConfig,
  batchDeadline: string,
): StepDue[] {
  const result: StepDue[] = [];
  regime.steps.forEach((step, index) => {
    if (step.due.kind === "beforeBatchDeadline") {
      result.push({ code: step.code, due: addDays(batchDeadline, -step.due.days) });
      return;
    }
    const previous = state.steps[index - 1];
    const base = previous?.completedAt?.slice(0, 10) ?? result[index - 1]?.due ?? batchDeadline;
    result.push({ code: step.code, due: addDays(base, step.due.days) });
  });
  return result;
}

/** The open step's due date and whether it has passed on `today`. */
export function currentDue(
  state: DossierState,
  regime: RegimeConfig,
  batchDeadline: string,
  today: string,
): { step: string; due: string; overdue: boolean } | null {
  if (state.status === "decided") return null;
  const due = stepDueDates(state, regime, batchDeadline)[state.currentStep];
  if (!due) return null;
  return { step: due.code, due: due.due, overdue: due.due < today };
}
