import type { Db } from "@ntm/db";
import {
  retryPolicy,
  silentLog,
  type JobHandlers,
  type JobLog,
  type JobQueue,
} from "./job-queue.ts";
import {
  findJob,
  findWaitingJobs,
  insertJob,
  jobRecordOf,
  markError,
  requeueInterrupted,
} from "./jobs.repository.ts";
import { runJob } from "./run-job.ts";

export interface InProcessQueue extends JobQueue {
  /** Resolves when no job waits or runs (the command line, tests). */
  idle: () => Promise<void>;
}

/**
 * The runner of the embedded database: jobs run one at a time in the server's own process, from
 * the same `background_jobs` rows, with the same retries as on a PostgreSQL server. PGlite lets
 * one process open the data folder, so a job found `running` at start was cut off by a stop and
 * is run again (`recoverInterrupted`).
 */
export function createInProcessQueue(
  db: Db,
  handlers: JobHandlers,
  options: { now: () => Date; recoverInterrupted: boolean; retryDelaySeconds?: number },
): InProcessQueue {
  const now = options.now;
  let log: JobLog = silentLog;
  let stopped = false;
  let draining: Promise<void> | undefined;
  /** A job arrived while a run was looking for work: look again when it ends. */
  let again = false;
  /** Jobs waiting out their retry delay, by id. */
  const delayed = new Map<number, NodeJS.Timeout>();

  const drainOnce = async () => {
    for (;;) {
      if (stopped) return;
      const next = (await findWaitingJobs(db)).find((job) => !delayed.has(job.id));
      if (!next) return;
      try {
        await runJob(db, handlers, {
          jobId: next.id,
          final: false,
          now,
          log,
          takeOverRunning: false,
        });
      } catch {
        await scheduleRetry(next.id);
      }
    }
  };

  const scheduleRetry = async (jobId: number) => {
    const job = await findJob(db, jobId);
    if (!job) return;
    if (job.attempts > retryPolicy.retryLimit) {
      await markError(db, jobId, { message: job.lastError ?? "", final: true }, now());
      return;
    }
    const seconds =
      (options.retryDelaySeconds ?? retryPolicy.retryDelaySeconds) * 2 ** (job.attempts - 1);
    const timer = setTimeout(() => {
      delayed.delete(jobId);
      drain();
    }, seconds * 1000);
    timer.unref();
    delayed.set(jobId, timer);
  };

  const drain = () => {
    if (stopped) return;
    if (draining) {
      again = true;
      return;
    }
    draining = drainOnce()
      .catch((error: unknown) => log.error({ err: error }, "background jobs run failed"))
      .finally(() => {
        draining = undefined;
        if (again) {
          again = false;
          drain();
        }
      });
  };

  return {
    implementation: "in-process",
    enqueue: async (request) => {
      const { job, created } = await insertJob(db, jobRecordOf(request, now()));
      if (created) drain();
      return job;
    },
    start: async (startLog) => {
      log = startLog ?? silentLog;
      if (options.recoverInterrupted) {
        const requeued = await requeueInterrupted(db, now());
        if (requeued.length > 0) log.warn({ jobs: requeued }, "interrupted jobs queued again");
      }
      drain();
    },
    stop: async () => {
      stopped = true;
      for (const timer of delayed.values()) clearTimeout(timer);
      delayed.clear();
      await draining;
    },
    idle: async () => {
      while (draining) await draining;
    },
  };
}
