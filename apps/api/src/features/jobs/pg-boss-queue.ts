import PgBoss from "pg-boss";
import { withSetupLock, type Database } from "@ntm/db";
import { jobKinds, type JobKind } from "@ntm/contracts";
import {
  retryPolicy,
  silentLog,
  type JobHandlers,
  type JobLog,
  type JobQueue,
} from "./job-queue.ts";
import {
  findJob,
  findStillRunningJobs,
  findWaitingJobs,
  insertJob,
  jobRecordOf,
  markError,
} from "./jobs.repository.ts";
import { runJob } from "./run-job.ts";

/** pg-boss keeps its tables in a schema of its own, beside the product's. */
export const pgBossSchema = "pgboss";

export interface PgBossSettings {
  /**
   * A job still active this long after it started is taken as lost (its server stopped) and
   * retried on any server. Longer than the longest job (a national re-evaluation).
   */
  expireInSeconds: number;
  /** How often one of the servers looks for lost jobs. */
  maintenanceIntervalSeconds: number;
  /** How often an idle server asks for work. */
  pollingIntervalSeconds: number;
  /** The wait before the first retry; each next one doubles. */
  retryDelaySeconds: number;
}

/** The job of `background_jobs` row `id` in pg-boss: the same id, so sending it twice is harmless. */
export function queueIdOf(id: number): string {
  return `00000000-0000-4000-8000-${id.toString(16).padStart(12, "0")}`;
}

/**
 * Jobs through pg-boss on the PostgreSQL server: every server works on every queue; a job is
 * fetched by one server (`for update skip locked`), retried with backoff after an error, and
 * retried on another server when the one running it stops (the job expires after
 * `expireInSeconds` and the maintenance of any server fails it into a retry).
 */
export function createPgBossQueue(
  database: Database,
  handlers: JobHandlers,
  options: { url: string; now: () => Date; settings: PgBossSettings },
): JobQueue {
  const { now, settings } = options;
  const db = database.db;
  const boss = new PgBoss({
    connectionString: options.url,
    schema: pgBossSchema,
    application_name: "ntm-jobs",
    max: 4,
    maintenanceIntervalSeconds: settings.maintenanceIntervalSeconds,
    // Jobs are scheduled by the product (a dedupe key per day), not by pg-boss's cron.
    schedule: false,
  });
  let log: JobLog = silentLog;
  let sweeper: NodeJS.Timeout | undefined;
  let started = false;

  const send = async (kind: string, jobId: number) => {
    await boss.send(kind, { jobId }, { id: queueIdOf(jobId) });
  };

  /**
   * A row recorded while its server stopped before handing it to pg-boss is sent again; a row
   * whose pg-boss job gave up (its last attempt failed or expired) is marked failed on the page.
   */
  const sweep = async () => {
    const at = now().getTime();
    const waiting = await findWaitingJobs(db, { createdBefore: new Date(at - 30_000) });
    const lost = await findStillRunningJobs(db, new Date(at - settings.expireInSeconds * 1000));
    for (const row of [...waiting, ...lost]) {
      const queued = await boss.getJobById(row.kind, queueIdOf(row.id));
      if (!queued && row.state !== "running") await send(row.kind, row.id);
      else if (!queued || queued.state === "failed" || queued.state === "cancelled") {
        const job = await findJob(db, row.id);
        const message = job?.lastError ?? "Máy chủ chạy tác vụ đã dừng; đã hết số lần chạy lại.";
        await markError(db, row.id, { message, final: true }, now());
      }
    }
  };

  return {
    implementation: "pg-boss",
    enqueue: async (request) => {
      const { job, created } = await insertJob(db, jobRecordOf(request, now()));
      if (created) await send(job.kind, job.id);
      return job;
    },
    start: async (startLog) => {
      log = startLog ?? silentLog;
      boss.on("error", (error) => log.error({ err: error }, "job queue error"));
      // pg-boss creates a queue's partition unlocked: servers starting together on a fresh
      // database deadlocked there, so they set the queue up one at a time, as they migrate.
      await withSetupLock(database, async () => {
        await boss.start();
        started = true;
        for (const kind of jobKinds) {
          const queue = {
            name: kind,
            retryLimit: retryPolicy.retryLimit,
            retryDelay: settings.retryDelaySeconds,
            retryBackoff: true,
            expireInSeconds: settings.expireInSeconds,
          };
          await boss.createQueue(kind, queue);
          await boss.updateQueue(kind, queue);
        }
      });
      for (const kind of jobKinds) {
        if (!handlers[kind as JobKind]) continue;
        await boss.work<{ jobId: number }>(
          kind,
          {
            batchSize: 1,
            includeMetadata: true,
            pollingIntervalSeconds: settings.pollingIntervalSeconds,
          },
          async ([job]) => {
            if (!job) return;
            await runJob(db, handlers, {
              jobId: job.data.jobId,
              final: job.retryCount >= job.retryLimit,
              now,
              log,
              takeOverRunning: true,
            });
          },
        );
      }
      sweeper = setInterval(() => {
        sweep().catch((error: unknown) => log.error({ err: error }, "job sweep failed"));
      }, 60_000);
      sweeper.unref();
    },
    stop: async () => {
      if (sweeper) clearInterval(sweeper);
      if (!started) return;
      // Waits for the job in progress; one that outlasts the wait is retried by another server.
      await boss.stop({ graceful: true, wait: true, timeout: 20_000 });
    },
  };
}
