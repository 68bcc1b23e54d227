/** A value as the API stores it. */
export type IndicatorValue = number | boolean | null;

export interface OutboxValue {
  indicatorCode: string;
  value: IndicatorValue;
  /** Absent when the note was not touched: the server then keeps the stored one. */
  note?: string | null;
  /** The server's value when the officer started changing it; tells a conflict from a rebase. */
  base: IndicatorValue;
}

export type OutboxState = "waiting" | "conflict" | "rejected";

export interface Conflict {
  indicatorCode: string;
  mine: IndicatorValue;
  theirs: IndicatorValue;
  /** Who saved the server's value, and when (ISO). */
  by: string | null;
  at: string | null;
}

/** One save waiting on the device: the values of one assessment, with the version they were read at. */
export interface OutboxEntry {
  seq: number;
  user: string;
  unitCode: string;
  year: number;
  version: number;
  values: OutboxValue[];
  state: OutboxState;
  createdAt: number;
  conflicts?: Conflict[];
  /** The server's version when the conflict was found: a resolved entry is sent with it. */
  serverVersion?: number;
  error?: string;
}

export function sameAssessment(
  a: Pick<OutboxEntry, "user" | "unitCode" | "year">,
  b: Pick<OutboxEntry, "user" | "unitCode" | "year">,
): boolean {
  return a.user === b.user && a.unitCode === b.unitCode && a.year === b.year;
}

/** Later values win; an indicator keeps the base of its first change and its note unless retouched. */
export function mergeValues(older: OutboxValue[], newer: OutboxValue[]): OutboxValue[] {
  const byCode = new Map(older.map((value) => [value.indicatorCode, value]));
  for (const value of newer) {
    const previous = byCode.get(value.indicatorCode);
    if (!previous) {
      byCode.set(value.indicatorCode, value);
      continue;
    }
    const merged: OutboxValue = { ...previous, value: value.value, base: previous.base };
    if (value.note !== undefined) merged.note = value.note;
    byCode.set(value.indicatorCode, merged);
  }
  return [...byCode.values()];
}

export type QueuePlan =
  | { kind: "merge"; seq: number; values: OutboxValue[] }
  | { kind: "add"; entry: Omit<OutboxEntry, "seq"> };

/**
 * Where new values go: into the last entry of the same assessment while it still waits (one
 * request carries them all), else into a new entry behind it, so the order of saves is kept.
 */
export function planQueue(
  entries: OutboxEntry[],
  incoming: Pick<OutboxEntry, "user" | "unitCode" | "year" | "version" | "values">,
  now: number,
): QueuePlan {
  const last = [...entries]
    .sort((a, b) => a.seq - b.seq)
    .filter((entry) => sameAssessment(entry, incoming))
    .at(-1);
  if (last && last.state === "waiting") {
    return { kind: "merge", seq: last.seq, values: mergeValues(last.values, incoming.values) };
  }
  return { kind: "add", entry: { ...incoming, state: "waiting", createdAt: now } };
}

/**
 * The next entry to send for a user: the oldest waiting one whose assessment has no older entry
 * held back by a conflict or a refusal (those need the officer first).
 */
export function nextToSend(entries: OutboxEntry[], user: string): OutboxEntry | undefined {
  const ordered = entries.filter((entry) => entry.user === user).sort((a, b) => a.seq - b.seq);
  const blocked: OutboxEntry[] = [];
  for (const entry of ordered) {
    if (entry.state !== "waiting") {
      blocked.push(entry);
      continue;
    }
    if (!blocked.some((held) => sameAssessment(held, entry))) return entry;
  }
  return undefined;
}

export interface ServerSide {
  version: number;
  values: Record<string, IndicatorValue>;
  entries: Record<string, { updatedAt: string; updatedBy: string } | undefined>;
}

/**
 * After a 409: an indicator the server still holds at its base is sent again on the new version;
 * one the server already holds at the officer's value needs nothing; one changed on the server to
 * something else is a conflict the officer settles.
 */
export function findConflicts(
  values: OutboxValue[],
  server: ServerSide,
): { rebased: OutboxValue[]; conflicts: Conflict[] } {
  const rebased: OutboxValue[] = [];
  const conflicts: Conflict[] = [];
  for (const value of values) {
    const theirs = server.values[value.indicatorCode] ?? null;
    if (theirs === value.base) {
      rebased.push(value);
    } else if (theirs === value.value) {
      if (value.note !== undefined) rebased.push({ ...value, base: theirs });
    } else {
      const entry = server.entries[value.indicatorCode];
      conflicts.push({
        indicatorCode: value.indicatorCode,
        mine: value.value,
        theirs,
        by: entry?.updatedBy ?? null,
        at: entry?.updatedAt ?? null,
      });
      rebased.push(value);
    }
  }
  return { rebased, conflicts };
}

export type Choice = "mine" | "theirs";

/** The values to send once the officer chose, per conflicting indicator, whose value stays. */
export function resolveConflicts(
  entry: OutboxEntry,
  choices: Record<string, Choice>,
): OutboxValue[] {
  const theirsByCode = new Map(
    (entry.conflicts ?? []).map((conflict) => [conflict.indicatorCode, conflict.theirs]),
  );
  return entry.values.flatMap((value) => {
    if (!theirsByCode.has(value.indicatorCode)) return [value];
    const theirs = theirsByCode.get(value.indicatorCode) ?? null;
    if (choices[value.indicatorCode] === "theirs") return [];
    return [{ ...value, base: theirs }];
  });
}

/** The newest unsent value of each indicator of one assessment, to show over the server's. */
export function pendingValues(
  entries: OutboxEntry[],
  key: Pick<OutboxEntry, "user" | "unitCode" | "year">,
): Map<string, OutboxValue> {
  const pending = new Map<string, OutboxValue>();
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (!sameAssessment(entry, key)) continue;
    for (const value of entry.values) pending.set(value.indicatorCode, value);
  }
  return pending;
}
