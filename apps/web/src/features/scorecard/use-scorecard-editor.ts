import type { Scorecard } from "@ntm/contracts";
import type { IndicatorResult } from "@ntm/domain";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { numberToInput } from "../../lib/format.ts";
import { useCurrentUser } from "../auth/index.ts";
import {
  deviceDb,
  draftKey,
  type AssessmentKey,
  type DraftRow,
  pendingValues,
  type OutboxEntry,
  type OutboxValue,
  dropEntry,
  kickSync,
  queueValues,
  queuedEvidenceOf,
  useLive,
} from "../offline/index.ts";
import {
  checkDraft,
  collectChanges,
  isDirty,
  type Draft,
  type DraftCheck,
  type Drafts,
  type IndicatorState,
  type IndicatorValue,
} from "./draft-values.ts";
import { readScorecard, scorecardQueryKey } from "./scorecard-api.ts";
import {
  canEditEntry,
  canWriteEntry,
  listIndicators,
  type IndicatorEntry,
} from "./scorecard-indicators.ts";

// Typing pauses this long before what was typed is queued for sending.
const autosaveMs = 1200;

export type SaveOutcome =
  | { kind: "idle" }
  | { kind: "invalid" }
  | { kind: "copied"; count: number; fromYear: number }
  | { kind: "copyNone"; fromYear: number };

export type CellState = "draft" | "pending" | "conflict" | null;

function notesOf(scorecard: Scorecard): Record<string, string | null> {
  return Object.fromEntries(
    Object.entries(scorecard.entries).map(([code, entry]) => [code, entry.note]),
  );
}

function draftOf(row: DraftRow): Draft {
  const draft: Draft = {};
  if (row.input !== undefined) draft.input = row.input;
  if (row.note !== undefined) draft.note = row.note;
  if (row.copied) draft.copied = true;
  return draft;
}

/** The text or yes/no a cell shows for a value. */
export function inputOfValue(value: IndicatorValue): string | boolean | null {
  if (typeof value === "number") return numberToInput(value);
  return value;
}

async function readEntries(key: AssessmentKey): Promise<OutboxEntry[]> {
  return deviceDb.outbox
    .where("[user+unitCode+year]")
    .equals([key.user, key.unitCode, key.year])
    .toArray();
}

/**
 * The values of one scorecard as the officer changes them: every keystroke is kept on the device
 * (IndexedDB, per user, unit, year and indicator), queued after a pause or on save, and sent in
 * order by the outbox with the version read; what waits is shown over the server's values.
 */
export function useScorecardEditor(code: string, year: number, scorecard: Scorecard) {
  const queryClient = useQueryClient();
  const user = useCurrentUser().data?.username ?? "";
  const key = useMemo<AssessmentKey>(() => ({ user, unitCode: code, year }), [user, code, year]);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [entries, setEntries] = useState<OutboxEntry[]>([]);
  const [outcome, setOutcome] = useState<SaveOutcome>({ kind: "idle" });
  const [showInvalid, setShowInvalid] = useState(false);
  const baseRef = useRef<Record<string, IndicatorValue>>({});

  useEffect(() => {
    let cancelled = false;
    void deviceDb.drafts
      .where("[user+unitCode+year]")
      .equals([user, code, year])
      .toArray()
      .then((rows) => {
        if (cancelled) return;
        setDrafts((local) => ({
          ...Object.fromEntries(rows.map((row) => [row.indicatorCode, draftOf(row)])),
          ...local,
        }));
      })
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [user, code, year]);

  const liveEntries = useLive(() => readEntries(key), [key], null);
  useEffect(() => {
    if (liveEntries) setEntries(liveEntries);
  }, [liveEntries]);

  const evidenceQueue = useLive(
    () => queuedEvidenceOf({ user, unitCode: code, year }),
    [user, code, year],
    [],
  );

  const list = useMemo(() => listIndicators(scorecard), [scorecard]);
  const indicators = useMemo(
    () => new Map(list.map((entry) => [entry.indicator.code, entry.indicator])),
    [list],
  );
  const editable = useMemo(
    () => new Set(list.filter((entry) => canEditEntry(scorecard, entry)).map(byCode)),
    [list, scorecard],
  );
  const attachable = useMemo(
    () => new Set(list.filter((entry) => canWriteEntry(scorecard, entry)).map(byCode)),
    [list, scorecard],
  );
  const notes = useMemo(() => notesOf(scorecard), [scorecard]);
  const pending = useMemo(() => pendingValues(entries, key), [entries, key]);
  const conflictCodes = useMemo(
    () =>
      new Set(
        entries
          .filter((entry) => entry.state === "conflict")
          .flatMap((entry) => (entry.conflicts ?? []).map((conflict) => conflict.indicatorCode)),
      ),
    [entries],
  );

  const states = useMemo<IndicatorState[]>(
    () =>
      list.map(({ indicator }) => {
        const waiting = pending.get(indicator.code);
        return {
          indicator,
          current: waiting ? waiting.value : indicator.value,
          currentNote: (waiting?.note !== undefined ? waiting.note : notes[indicator.code]) ?? "",
        };
      }),
    [list, pending, notes],
  );
  const stateByCode = useMemo(
    () => new Map(states.map((state) => [state.indicator.code, state])),
    [states],
  );

  const changes = useMemo(() => collectChanges(states, drafts), [states, drafts]);
  const draftCodes = useMemo(
    () => new Set([...changes.values.map((value) => value.indicatorCode), ...changes.invalid]),
    [changes],
  );
  const unsentCodes = useMemo(
    () => new Set([...draftCodes, ...pending.keys()]),
    [draftCodes, pending],
  );
  const copiedCount = useMemo(
    () => changes.values.filter((value) => drafts[value.indicatorCode]?.copied).length,
    [changes, drafts],
  );

  /** Queues the valid changes (the copied ones only when the officer saves) and drops the rest. */
  const queue = useCallback(
    async (includeCopied: boolean) => {
      if (!user) return;
      const chosen = collectChanges(states, drafts, (draft) => includeCopied || !draft.copied);
      if (chosen.values.length > 0) {
        const values: OutboxValue[] = chosen.values.map((value) => ({
          ...value,
          base:
            baseRef.current[value.indicatorCode] ??
            indicators.get(value.indicatorCode)?.value ??
            null,
        }));
        await queueValues(key, scorecard.assessment.version, values);
        setEntries(await readEntries(key));
      }
      const sent = new Map(
        chosen.values.map((value) => [value.indicatorCode, drafts[value.indicatorCode]]),
      );
      const stale = Object.keys(drafts).filter((indicatorCode) => {
        const state = stateByCode.get(indicatorCode);
        return (
          !state ||
          !isDirty(state.indicator, drafts[indicatorCode], state.current, state.currentNote)
        );
      });
      const done = [...sent.keys(), ...stale];
      if (done.length === 0) return;
      setDrafts((previous) => {
        const next = { ...previous };
        // A draft typed on while it was being queued stays a draft.
        for (const indicatorCode of done) {
          if (!sent.has(indicatorCode) || previous[indicatorCode] === sent.get(indicatorCode)) {
            delete next[indicatorCode];
          }
        }
        return next;
      });
      await deviceDb.drafts.bulkDelete(done.map((indicatorCode) => draftKey(key, indicatorCode)));
    },
    [user, states, drafts, indicators, key, scorecard.assessment.version, stateByCode],
  );

  const autoQueued = changes.values.some((value) => !drafts[value.indicatorCode]?.copied);
  useEffect(() => {
    if (!autoQueued) return;
    const timer = window.setTimeout(() => void queue(false), autosaveMs);
    return () => window.clearTimeout(timer);
  }, [autoQueued, queue]);

  const writeDrafts = useCallback(
    (patches: Record<string, Draft>) => {
      setDrafts((previous) => {
        const next = { ...previous };
        for (const [indicatorCode, patch] of Object.entries(patches)) {
          next[indicatorCode] = { ...previous[indicatorCode], ...patch };
          if (!("copied" in patch)) delete next[indicatorCode].copied;
          baseRef.current[indicatorCode] ??= indicators.get(indicatorCode)?.value ?? null;
          const row: DraftRow = {
            key: draftKey(key, indicatorCode),
            ...key,
            indicatorCode,
            ...next[indicatorCode],
            base: baseRef.current[indicatorCode] ?? null,
            updatedAt: Date.now(),
          };
          void deviceDb.drafts.put(row).catch(() => undefined);
        }
        return next;
      });
      setOutcome((previous) => (previous.kind === "invalid" ? previous : { kind: "idle" }));
    },
    [indicators, key],
  );

  const updateDraft = useCallback(
    (indicatorCode: string, patch: Draft) => writeDrafts({ [indicatorCode]: patch }),
    [writeDrafts],
  );

  const save = useCallback(() => {
    if (changes.invalid.length > 0) {
      setShowInvalid(true);
      setOutcome({ kind: "invalid" });
    } else {
      setOutcome({ kind: "idle" });
    }
    void queue(true).then(kickSync);
  }, [changes.invalid.length, queue]);

  const discard = useCallback(async () => {
    setDrafts({});
    setShowInvalid(false);
    setOutcome({ kind: "idle" });
    await deviceDb.drafts.bulkDelete(Object.keys(drafts).map((c) => draftKey(key, c)));
    await deviceDb.outbox.bulkDelete(entries.map((entry) => entry.seq));
    setEntries([]);
  }, [drafts, entries, key]);

  /** Puts refused values back into the cells so the officer can correct them. */
  const editAgain = useCallback(
    async (entry: OutboxEntry) => {
      const patches: Record<string, Draft> = {};
      for (const value of entry.values) {
        patches[value.indicatorCode] = { input: inputOfValue(value.value) };
        baseRef.current[value.indicatorCode] = value.base;
      }
      await dropEntry(entry.seq);
      writeDrafts(patches);
      setShowInvalid(true);
    },
    [writeDrafts],
  );

  /** Last year's values become drafts of the empty indicators; nothing is sent until saved. */
  const copyPreviousYear = useCallback(async () => {
    const previous = await queryClient.fetchQuery({
      queryKey: scorecardQueryKey(code, year - 1),
      queryFn: ({ client, signal }) => readScorecard(client, code, year - 1, signal),
    });
    const before = new Map(listIndicators(previous).map((entry) => [entry.indicator.code, entry]));
    const patches: Record<string, Draft> = {};
    for (const { indicator } of list) {
      const old = before.get(indicator.code)?.indicator.value ?? null;
      if (old === null || indicator.value !== null || !editable.has(indicator.code)) continue;
      patches[indicator.code] = { input: inputOfValue(old), copied: true };
    }
    const count = Object.keys(patches).length;
    if (count > 0) writeDrafts(patches);
    setOutcome(
      count > 0
        ? { kind: "copied", count, fromYear: year - 1 }
        : { kind: "copyNone", fromYear: year - 1 },
    );
  }, [queryClient, code, year, list, editable, writeDrafts]);

  const inputOf = useCallback(
    (indicator: IndicatorResult): string | boolean | null => {
      const draft = drafts[indicator.code];
      if (draft?.input !== undefined) return draft.input;
      const state = stateByCode.get(indicator.code);
      return inputOfValue(state ? state.current : indicator.value);
    },
    [drafts, stateByCode],
  );

  const checkOf = useCallback(
    (indicator: IndicatorResult): DraftCheck =>
      checkDraft(
        indicator,
        drafts[indicator.code],
        stateByCode.get(indicator.code)?.current ?? indicator.value,
      ),
    [drafts, stateByCode],
  );

  const cellState = useCallback(
    (indicatorCode: string): CellState => {
      if (conflictCodes.has(indicatorCode)) return "conflict";
      if (draftCodes.has(indicatorCode)) return "draft";
      if (pending.has(indicatorCode)) return "pending";
      return null;
    },
    [conflictCodes, draftCodes, pending],
  );

  return {
    key,
    drafts,
    notes,
    showInvalid,
    outcome,
    entries,
    evidenceQueue,
    changeCount: unsentCodes.size,
    copiedCount,
    anyEditable: editable.size > 0,
    invalidCodes: changes.invalid,
    canEdit: (indicatorCode: string) => editable.has(indicatorCode),
    /** Evidence files: also on a value the village registry gives. */
    canAttach: (indicatorCode: string) => attachable.has(indicatorCode),
    isUnsaved: (indicatorCode: string) => unsentCodes.has(indicatorCode),
    noteOf: (indicatorCode: string) =>
      drafts[indicatorCode]?.note ?? stateByCode.get(indicatorCode)?.currentNote ?? "",
    inputOf,
    checkOf,
    cellState,
    updateDraft,
    writeDrafts,
    save,
    discard,
    editAgain,
    copyPreviousYear,
  };
}

function byCode(entry: IndicatorEntry): string {
  return entry.indicator.code;
}

export type ScorecardEditor = ReturnType<typeof useScorecardEditor>;
