import { and, desc, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";
import { keyHeldWhileUnfinished, type JobRequest } from "./job-queue.ts";

const bj = tables.backgroundJobs;

export type JobRow = typeof bj.$inferSelect;

/** The row that records what a request asks, at `now`: the same for every queue. */
export function jobRecordOf(
  request: JobRequest,
  now: Date,
): Omit<typeof bj.$inferInsert, "updatedAt"> {
  return {
    kind: request.kind,
    provinceCode: request.provinceCode,
    input: request.input,
    dedupeKey: request.dedupeKey ?? null,
    createdBy: request.userId,
    requestId: request.requestId ?? null,
    createdAt: now,
  };
}

/**
 * Records a job; with a dedupe key already used, records nothing and returns the job that holds
 * the key (`created: false`), so the same work asked by two servers is one job.
 */
export async function insertJob(
  db: DbOrTx,
  row: Omit<typeof bj.$inferInsert, "updatedAt">,
): Promise<{ job: JobRow; created: boolean }> {
  // A key held only while its job is unfinished may be let go between the two statements: the
  // insert is tried again, and then finds the key free.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const inserted = await db
      .insert(bj)
      .values({ ...row, updatedAt: row.createdAt })
      .onConflictDoNothing()
      .returning();
    if (inserted[0]) return { job: inserted[0], created: true };
    const existing = await db
      .select()
      .from(bj)
      .where(eq(bj.dedupeKey, row.dedupeKey ?? ""));
    if (existing[0]) return { job: existing[0], created: false };
  }
  throw new Error("background job neither inserted nor found");
}

/** The dedupe key a finished job keeps: none for the kinds that hold theirs while unfinished. */
const keyKeptWhenFinished = sql`case when ${inArray(bj.kind, [...keyHeldWhileUnfinished])} then null else ${bj.dedupeKey} end`;

export async function findJob(db: DbOrTx, id: number) {
  const rows = await db.select().from(bj).where(eq(bj.id, id));
  return rows[0];
}

/** The newest jobs of some provinces, and those of the whole installation when asked. */
export async function findJobs(
  db: DbOrTx,
  filter: { provinceCodes: string[] | "all"; installation: boolean; state?: string | undefined },
  limit = 200,
) {
  const scope =
    filter.provinceCodes === "all"
      ? undefined
      : or(
          filter.provinceCodes.length > 0
            ? inArray(bj.provinceCode, filter.provinceCodes)
            : sql`false`,
          filter.installation ? isNull(bj.provinceCode) : sql`false`,
        );
  return db
    .select()
    .from(bj)
    .where(and(scope, filter.state ? eq(bj.state, filter.state) : undefined))
    .orderBy(desc(bj.createdAt), desc(bj.id))
    .limit(limit);
}

/**
 * Starts a run of a job: counts the attempt and keeps the progress of the run before, from which
 * a job that can resume goes on. Returns nothing for a job already completed (a queue delivering
 * it twice runs it once), or already running unless `takeOverRunning` (pg-boss hands a job over
 * only when the process that ran it is gone).
 */
export async function markRunning(
  db: DbOrTx,
  id: number,
  now: Date,
  options: { takeOverRunning: boolean },
) {
  const from = options.takeOverRunning ? ["queued", "retrying", "running"] : ["queued", "retrying"];
  const rows = await db
    .update(bj)
    .set({
      state: "running",
      attempts: sql`${bj.attempts} + 1`,
      startedAt: now,
      updatedAt: now,
    })
    .where(and(eq(bj.id, id), inArray(bj.state, from)))
    .returning();
  return rows[0];
}

export async function markProgress(
  db: DbOrTx,
  id: number,
  progress: { done: number; total: number | null },
  now: Date,
) {
  await db
    .update(bj)
    .set({ progressDone: progress.done, progressTotal: progress.total, updatedAt: now })
    .where(eq(bj.id, id));
}

export async function markCompleted(db: DbOrTx, id: number, result: unknown, now: Date) {
  await db
    .update(bj)
    .set({
      state: "completed",
      result,
      lastError: null,
      dedupeKey: keyKeptWhenFinished,
      finishedAt: now,
      updatedAt: now,
    })
    .where(eq(bj.id, id));
}

/** After an error: `retrying` while attempts remain, `failed` after the last one. */
export async function markError(
  db: DbOrTx,
  id: number,
  error: { message: string; final: boolean },
  now: Date,
) {
  await db
    .update(bj)
    .set({
      state: error.final ? "failed" : "retrying",
      lastError: error.message,
      ...(error.final ? { dedupeKey: keyKeptWhenFinished } : {}),
      finishedAt: error.final ? now : null,
      updatedAt: now,
    })
    .where(eq(bj.id, id));
}

/** Jobs waiting for a run, oldest first: for the in-process runner and the queue's sweep. */
export async function findWaitingJobs(db: DbOrTx, options: { createdBefore?: Date } = {}) {
  return db
    .select({ id: bj.id, kind: bj.kind, state: bj.state })
    .from(bj)
    .where(
      and(
        inArray(bj.state, ["queued", "retrying"]),
        options.createdBefore ? lt(bj.createdAt, options.createdBefore) : undefined,
      ),
    )
    .orderBy(bj.id);
}

/** Jobs marked running that have not moved since `before`: their process may have died. */
export async function findStillRunningJobs(db: DbOrTx, before: Date) {
  return db
    .select({ id: bj.id, kind: bj.kind, state: bj.state })
    .from(bj)
    .where(and(eq(bj.state, "running"), lt(bj.updatedAt, before)))
    .orderBy(bj.id);
}

/**
 * On the embedded database one process holds the data folder, so a job still `running` when it
 * starts was cut off by a stop or a crash: it is put back to run again.
 */
export async function requeueInterrupted(db: DbOrTx, now: Date) {
  return db
    .update(bj)
    .set({ state: "retrying", lastError: "Máy chủ dừng khi tác vụ đang chạy.", updatedAt: now })
    .where(eq(bj.state, "running"))
    .returning({ id: bj.id });
}

/** The user names of accounts, for the list's "asked by". */
export async function findUsernames(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db
    .select({ id: tables.users.id, username: tables.users.username })
    .from(tables.users)
    .where(inArray(tables.users.id, ids));
  return new Map(rows.map((row) => [row.id, row.username]));
}
