import { afterAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createDatabase, queryRows, type Database } from "@ntm/db";
import { jobKinds } from "@ntm/contracts";
import { startPostgres, type TestPostgres } from "../../test/postgres-server.ts";
import { createPgBossQueue } from "./pg-boss-queue.ts";

/**
 * Servers started together on a fresh PostgreSQL database each set up pg-boss's schema and
 * queues: without one lock around it, two of them creating the same queue's partition deadlocked
 * and one server stopped at start.
 */

const starts = 3;
const rounds = 4;
const settings = {
  expireInSeconds: 60,
  maintenanceIntervalSeconds: 60,
  pollingIntervalSeconds: 1,
  retryDelaySeconds: 1,
};

const postgres = await startPostgres();
const unavailable = "unavailable" in postgres ? postgres.unavailable : undefined;
if (unavailable) console.warn(`pg-boss start test skipped: ${unavailable}`);
const opened: TestPostgres[] = [];

afterAll(async () => {
  if (!unavailable) await (postgres as TestPostgres).close();
  for (const extra of opened) await extra.close();
}, 60_000);

/** A fresh database on the same server: the first round reuses the one given. */
async function freshDatabase(round: number): Promise<TestPostgres> {
  if (round === 0) return postgres as TestPostgres;
  const fresh = await startPostgres();
  if ("unavailable" in fresh) throw new Error(fresh.unavailable);
  opened.push(fresh);
  return fresh;
}

describe.skipIf(unavailable !== undefined)("pg-boss started by several servers at once", () => {
  it.each(Array.from({ length: rounds }, (_, round) => round))(
    "round %i: three servers set the queue up on a fresh database together, none fails",
    async (round) => {
      const { url } = await freshDatabase(round);
      const databases: Database[] = await Promise.all(
        Array.from({ length: starts }, () => createDatabase({ url })),
      );
      const queues = databases.map((database) =>
        createPgBossQueue(database, {}, { url, now: () => new Date(), settings }),
      );
      try {
        const outcomes = await Promise.allSettled(queues.map((queue) => queue.start()));
        const failures = outcomes.flatMap((outcome) =>
          outcome.status === "rejected" ? [String(outcome.reason)] : [],
        );
        expect(failures).toEqual([]);
        const made = await queryRows<{ name: string }>(
          databases[0]!.db,
          sql`select name from pgboss.queue order by name`,
        );
        expect(made.map((queue) => queue.name)).toEqual([...jobKinds].sort());
      } finally {
        await Promise.all(queues.map((queue) => queue.stop()));
        await Promise.all(databases.map((database) => database.close()));
      }
    },
    120_000,
  );
});
