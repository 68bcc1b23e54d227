import type { ScorecardResponse } from "@ntm/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { isApiError, type ApiError } from "../../lib/api-client.ts";
import { queryRoots } from "../../lib/query-keys.ts";
import {
  collectChanges,
  isDirty,
  type Draft,
  type Drafts,
  type PendingValue,
} from "./draft-values.ts";
import { saveValues, scorecardQueryKey } from "./scorecard-api.ts";
import { canEditEntry, listIndicators, type IndicatorEntry } from "./scorecard-indicators.ts";

export type SaveOutcome =
  | { kind: "idle" }
  | { kind: "saved"; at: Date }
  | { kind: "conflict" }
  | { kind: "invalid" }
  | { kind: "failed"; message: string; details: string[] };

function notesOf(scorecard: ScorecardResponse): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(scorecard.entries).map(([code, entry]) => [code, entry.note]),
  );
}

function pruneDrafts(drafts: Drafts, scorecard: ScorecardResponse): Drafts {
  const notes = notesOf(scorecard);
  const next: Drafts = {};
  for (const { indicator } of listIndicators(scorecard)) {
    const draft = drafts[indicator.code];
    if (draft && isDirty(indicator, draft, notes[indicator.code] ?? ""))
      next[indicator.code] = draft;
  }
  return next;
}

/** Maps the server's validation details ("values.3.value") back to indicator codes. */
function detailsByCode(error: ApiError, sent: PendingValue[]) {
  const byCode: Record<string, string> = {};
  const general: string[] = [];
  for (const detail of error.details) {
    const index = /values[.[](\d+)/.exec(detail.path)?.[1];
    const code =
      index !== undefined
        ? sent[Number(index)]?.indicatorCode
        : sent.find((value) => detail.path.split(/[.[\]]/).includes(value.indicatorCode))
            ?.indicatorCode;
    if (code) byCode[code] = detail.message;
    else general.push(detail.message);
  }
  return { byCode, general };
}

/** Unsaved values of one scorecard and their saving, with the version check of the server. */
export function useScorecardEditor(code: string, year: number, scorecard: ScorecardResponse) {
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Drafts>({});
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<SaveOutcome>({ kind: "idle" });
  const [showInvalid, setShowInvalid] = useState(false);

  const entries = useMemo(() => listIndicators(scorecard), [scorecard]);
  const editable = useMemo(
    () => new Set(entries.filter((entry) => canEditEntry(scorecard, entry)).map(byCode)),
    [entries, scorecard],
  );
  const notes = useMemo(() => notesOf(scorecard), [scorecard]);
  const changes = useMemo(
    () =>
      collectChanges(
        entries.map((entry) => entry.indicator),
        drafts,
        notes,
      ),
    [entries, drafts, notes],
  );

  const dirtyCodes = useMemo(
    () => new Set([...changes.values.map((value) => value.indicatorCode), ...changes.invalid]),
    [changes],
  );

  const mutation = useMutation({
    mutationFn: (values: PendingValue[]) =>
      saveValues(code, year, { version: scorecard.assessment.version, values }),
    onSuccess: (response) => {
      queryClient.setQueryData(scorecardQueryKey(code, year), response);
      setDrafts((previous) => pruneDrafts(previous, response));
      setServerErrors({});
      setShowInvalid(false);
      setOutcome({ kind: "saved", at: new Date() });
      void queryClient.invalidateQueries({ queryKey: [queryRoots.history, code, year] });
      void queryClient.invalidateQueries({ queryKey: [queryRoots.summary] });
    },
    onError: (error, sent) => {
      if (isApiError(error, "VERSION_CONFLICT")) {
        // Someone saved first: load their data and keep what this user typed on top of it.
        setOutcome({ kind: "conflict" });
        void queryClient.invalidateQueries({ queryKey: scorecardQueryKey(code, year) });
        return;
      }
      if (isApiError(error, "VALIDATION_FAILED")) {
        const { byCode: errors, general } = detailsByCode(error, sent);
        setServerErrors(errors);
        setOutcome({ kind: "failed", message: error.message, details: general });
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      setOutcome({ kind: "failed", message, details: [] });
    },
  });

  const updateDraft = useCallback((indicatorCode: string, patch: Draft) => {
    setDrafts((previous) => ({
      ...previous,
      [indicatorCode]: { ...previous[indicatorCode], ...patch },
    }));
    setServerErrors((previous) => {
      if (!(indicatorCode in previous)) return previous;
      const next = { ...previous };
      delete next[indicatorCode];
      return next;
    });
    setOutcome((previous) => (previous.kind === "saved" ? { kind: "idle" } : previous));
  }, []);

  const save = useCallback(() => {
    if (changes.invalid.length > 0) {
      setShowInvalid(true);
      setOutcome({ kind: "invalid" });
      return;
    }
    if (changes.values.length === 0) return;
    mutation.mutate(changes.values);
  }, [changes, mutation]);

  const discard = useCallback(() => {
    setDrafts({});
    setServerErrors({});
    setShowInvalid(false);
    setOutcome({ kind: "idle" });
  }, []);

  return {
    drafts,
    notes,
    serverErrors,
    showInvalid,
    outcome,
    saving: mutation.isPending,
    changeCount: dirtyCodes.size,
    anyEditable: editable.size > 0,
    invalidCodes: changes.invalid,
    canEdit: (indicatorCode: string) => editable.has(indicatorCode),
    isUnsaved: (indicatorCode: string) => dirtyCodes.has(indicatorCode),
    updateDraft,
    save,
    discard,
  };
}

function byCode(entry: IndicatorEntry): string {
  return entry.indicator.code;
}

export type ScorecardEditor = ReturnType<typeof useScorecardEditor>;
