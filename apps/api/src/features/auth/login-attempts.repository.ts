import { eq, inArray, lt, sql } from "drizzle-orm";
import { tables, type DbOrTx, type Tx } from "@ntm/db";
import type { AttemptCounter } from "./login-throttle.ts";

const attempts = tables.loginAttempts;

/** Locks the counters of the given keys (created empty when missing) for the transaction. */
export async function lockCounters(
  tx: Tx,
  keys: string[],
  now: Date,
): Promise<Map<string, AttemptCounter>> {
  // A fixed order, so that two processes locking the same keys never wait on each other.
  const sorted = [...keys].sort();
  await tx
    .insert(attempts)
    .values(sorted.map((key) => ({ key, failures: 0, firstFailureAt: now, lastFailureAt: now })))
    .onConflictDoNothing();
  const rows = await tx
    .select()
    .from(attempts)
    .where(inArray(attempts.key, sorted))
    .orderBy(attempts.key)
    .for("update");
  return new Map(
    rows
      .filter((row) => row.failures > 0)
      .map((row) => [
        row.key,
        {
          failures: row.failures,
          firstFailureAt: row.firstFailureAt,
          lastFailureAt: row.lastFailureAt,
        },
      ]),
  );
}

export async function saveCounter(tx: Tx, key: string, counter: AttemptCounter) {
  await tx.update(attempts).set(counter).where(eq(attempts.key, key));
}

export async function deleteCounter(db: DbOrTx, key: string) {
  await db.delete(attempts).where(eq(attempts.key, key));
}

/** Takes back one counted attempt (the one that turned out to be a successful login). */
export async function uncountAttempt(db: DbOrTx, key: string) {
  await db
    .update(attempts)
    .set({ failures: sql`greatest(${attempts.failures} - 1, 0)` })
    .where(eq(attempts.key, key));
}

export async function deleteStaleCounters(db: DbOrTx, before: Date) {
  await db.delete(attempts).where(lt(attempts.lastFailureAt, before));
}
