import { checkInput, type DraftCheck, type ValueRulesOf } from "../entry/index.ts";

/** What the user changed on one indicator; an absent field means "as stored". */
export interface Draft {
  /** Raw text for numbers (so "12," can be typed), true/false/null for booleans. */
  input?: string | boolean | null;
  note?: string;
  /** Copied from last year: sent only when the officer saves. */
  copied?: boolean;
}

export type Drafts = Record<string, Draft>;

export type IndicatorValue = number | boolean | null;

export { checkInput, type DraftCheck, type ValueRulesOf };

/** A draft against the value it changes (the officer's unsent value, else the server's). */
export function checkDraft(
  indicator: ValueRulesOf,
  draft: Draft | undefined,
  current: IndicatorValue,
): DraftCheck {
  if (!draft || draft.input === undefined) return { ok: true, value: current };
  return checkInput(indicator, draft.input);
}

/** True when the draft differs from the value it changes. */
export function isDirty(
  indicator: ValueRulesOf,
  draft: Draft | undefined,
  current: IndicatorValue,
  currentNote: string,
): boolean {
  if (!draft) return false;
  const check = checkDraft(indicator, draft, current);
  if (!check.ok) return true;
  const noteChanged = draft.note !== undefined && draft.note.trim() !== currentNote.trim();
  return check.value !== current || noteChanged;
}

export interface PendingValue {
  indicatorCode: string;
  value: IndicatorValue;
  /** Sent only when the officer touched the note. */
  note?: string | null;
}

export interface IndicatorState {
  indicator: ValueRulesOf & { code: string };
  /** The officer's unsent value if any, else the server's. */
  current: IndicatorValue;
  currentNote: string;
}

/** The values to queue, or the codes still invalid. */
export function collectChanges(
  states: IndicatorState[],
  drafts: Drafts,
  include: (draft: Draft) => boolean = () => true,
): { values: PendingValue[]; invalid: string[] } {
  const values: PendingValue[] = [];
  const invalid: string[] = [];
  for (const { indicator, current, currentNote } of states) {
    const draft = drafts[indicator.code];
    if (!draft || !include(draft) || !isDirty(indicator, draft, current, currentNote)) continue;
    const check = checkDraft(indicator, draft, current);
    if (!check.ok) {
      invalid.push(indicator.code);
      continue;
    }
    const value: PendingValue = { indicatorCode: indicator.code, value: check.value };
    if (draft.note !== undefined && draft.note.trim() !== currentNote.trim()) {
      value.note = draft.note.trim() || null;
    }
    values.push(value);
  }
  return { values, invalid };
}
