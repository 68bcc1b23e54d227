import { describe, expect, it } from "vitest";
import {
  findConflicts,
  mergeValues,
  nextToSend,
  pendingValues,
  planQueue,
  resolveConflicts,
  type OutboxEntry,
  type OutboxValue,
} from "./outbox-plan.ts";

function entry(seq: number, patch: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    seq,
    user: "xa",
    unitCode: "23284",
    year: 2024,
    version: 3,
    values: [],
    state: "waiting",
    createdAt: seq,
    ...patch,
  };
}

const v = (indicatorCode: string, value: number | boolean | null, base: number | null = null) =>
  ({ indicatorCode, value, base }) satisfies OutboxValue;

describe("mergeValues", () => {
  it("keeps the later value, the first base and an untouched note", () => {
    const older: OutboxValue[] = [{ ...v("1.1", 10, 5), note: "theo báo cáo" }, v("2.1", 1)];
    const newer: OutboxValue[] = [v("1.1", 12, 10), v("3.1", true)];
    expect(mergeValues(older, newer)).toEqual([
      { indicatorCode: "1.1", value: 12, base: 5, note: "theo báo cáo" },
      v("2.1", 1),
      v("3.1", true),
    ]);
  });
});

describe("planQueue", () => {
  const incoming = { user: "xa", unitCode: "23284", year: 2024, version: 3, values: [v("1.1", 7)] };

  it("merges into the last waiting entry of the same assessment", () => {
    const plan = planQueue([entry(1, { values: [v("2.1", 1)] })], incoming, 100);
    expect(plan).toEqual({ kind: "merge", seq: 1, values: [v("2.1", 1), v("1.1", 7)] });
  });

  it("adds behind an entry held by a conflict, so the conflict is settled first", () => {
    const plan = planQueue([entry(1, { state: "conflict" })], incoming, 100);
    expect(plan).toEqual({
      kind: "add",
      entry: { ...incoming, state: "waiting", createdAt: 100 },
    });
  });

  it("never merges another year, unit or user", () => {
    for (const other of [{ year: 2023 }, { unitCode: "23287" }, { user: "huyen" }]) {
      expect(planQueue([entry(1, other)], incoming, 5).kind).toBe("add");
    }
  });
});

describe("nextToSend: in order, one assessment held back by its conflict", () => {
  it("sends the oldest waiting entry of the user", () => {
    const entries = [entry(3), entry(1, { user: "huyen" }), entry(2, { unitCode: "23287" })];
    expect(nextToSend(entries, "xa")?.seq).toBe(2);
  });

  it("skips entries behind a conflict of the same assessment but not of others", () => {
    const entries = [entry(1, { state: "conflict" }), entry(2), entry(3, { unitCode: "23287" })];
    expect(nextToSend(entries, "xa")?.seq).toBe(3);
    expect(nextToSend(entries.slice(0, 2), "xa")).toBeUndefined();
  });

  it("sends nothing for a user with nothing waiting", () => {
    expect(nextToSend([entry(1, { state: "rejected" })], "xa")).toBeUndefined();
  });
});

describe("findConflicts after a 409", () => {
  const server = {
    version: 5,
    values: { "1.1": 40, "2.1": 80, "3.1": 12 },
    entries: { "2.1": { updatedAt: "2024-05-02T07:05:00Z", updatedBy: "huyen" } },
  };

  it("rebases values the server kept, drops what it already holds, flags the rest", () => {
    const { rebased, conflicts } = findConflicts(
      [v("1.1", 45, 40), v("2.1", 85, 70), v("3.1", 12, 10), v("4.1", 3)],
      server,
    );
    expect(rebased.map((value) => value.indicatorCode)).toEqual(["1.1", "2.1", "4.1"]);
    expect(conflicts).toEqual([
      { indicatorCode: "2.1", mine: 85, theirs: 80, by: "huyen", at: "2024-05-02T07:05:00Z" },
    ]);
  });

  it("keeps a note change even when the value already matches", () => {
    const { rebased } = findConflicts([{ ...v("3.1", 12, 10), note: "mới" }], server);
    expect(rebased).toEqual([{ indicatorCode: "3.1", value: 12, base: 12, note: "mới" }]);
  });
});

describe("resolveConflicts", () => {
  it("sends mine on top of theirs, or drops mine when theirs is chosen", () => {
    const held = entry(1, {
      state: "conflict",
      values: [v("1.1", 45, 40), v("2.1", 85, 70), v("5.1", 1, 0)],
      conflicts: [
        { indicatorCode: "2.1", mine: 85, theirs: 80, by: "huyen", at: null },
        { indicatorCode: "5.1", mine: 1, theirs: 2, by: "huyen", at: null },
      ],
    });
    expect(resolveConflicts(held, { "2.1": "mine", "5.1": "theirs" })).toEqual([
      v("1.1", 45, 40),
      v("2.1", 85, 80),
    ]);
  });
});

describe("pendingValues", () => {
  it("shows the newest unsent value of each indicator of one assessment", () => {
    const entries = [
      entry(2, { values: [v("1.1", 9)] }),
      entry(1, { values: [v("1.1", 7), v("2.1", 1)] }),
      entry(3, { year: 2023, values: [v("1.1", 100)] }),
    ];
    const pending = pendingValues(entries, { user: "xa", unitCode: "23284", year: 2024 });
    expect(Object.fromEntries([...pending].map(([code, value]) => [code, value.value]))).toEqual({
      "1.1": 9,
      "2.1": 1,
    });
  });
});
