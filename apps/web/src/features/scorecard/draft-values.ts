import type { IndicatorResult } from "@ntm/domain";
import { parseLocalNumber } from "../../lib/format.ts";
import type { MessageKey } from "../../lib/i18n/dictionary.ts";

/** What the user changed on one indicator; an absent field means "as stored". */
export interface Draft {
  /** Raw text for numbers (so "12," can be typed), true/false/null for booleans. */
  input?: string | boolean | null;
  note?: string;
}

export type Drafts = Record<string, Draft>;

export type IndicatorValue = number | boolean | null;

export type DraftCheck = { ok: true; value: IndicatorValue } | { ok: false; error: MessageKey };

/** Reads and validates a draft value: percentages 0–100, other numbers not negative. */
export function checkInput(
  indicator: Pick<IndicatorResult, "kind" | "unit">,
  input: Draft["input"],
): DraftCheck {
  if (input === undefined || input === null) return { ok: true, value: null };
  if (typeof input === "boolean") return { ok: true, value: input };
  const parsed = parseLocalNumber(input);
  if (!parsed.ok) return { ok: false, error: "validation.number" };
  const value = parsed.value;
  if (value === null) return { ok: true, value: null };
  const isPercent = indicator.kind === "percent" || indicator.unit === "%";
  if (isPercent && (value < 0 || value > 100)) return { ok: false, error: "validation.percent" };
  if (value < 0) return { ok: false, error: "validation.nonNegative" };
  return { ok: true, value };
}

export function checkDraft(indicator: IndicatorResult, draft: Draft | undefined): DraftCheck {
  if (!draft || draft.input === undefined) return { ok: true, value: indicator.value };
  return checkInput(indicator, draft.input);
}

/** True when the draft differs from what the server holds. */
export function isDirty(indicator: IndicatorResult, draft: Draft | undefined, storedNote: string) {
  if (!draft) return false;
  const check = checkDraft(indicator, draft);
  if (!check.ok) return true;
  const noteChanged = draft.note !== undefined && draft.note.trim() !== storedNote.trim();
  return check.value !== indicator.value || noteChanged;
}

export interface PendingValue {
  indicatorCode: string;
  value: IndicatorValue;
  note: string | null;
}

/** The values to send, or the codes still invalid. */
export function collectChanges(
  indicators: IndicatorResult[],
  drafts: Drafts,
  notes: Record<string, string | null | undefined>,
): { values: PendingValue[]; invalid: string[] } {
  const values: PendingValue[] = [];
  const invalid: string[] = [];
  for (const indicator of indicators) {
    const draft = drafts[indicator.code];
    const storedNote = notes[indicator.code] ?? "";
    if (!isDirty(indicator, draft, storedNote)) continue;
    const check = checkDraft(indicator, draft);
    if (!check.ok) {
      invalid.push(indicator.code);
      continue;
    }
    // The stored note is sent back unchanged so that saving a value never drops it.
    const note = (draft?.note ?? storedNote).trim();
    values.push({ indicatorCode: indicator.code, value: check.value, note: note || null });
  }
  return { values, invalid };
}
