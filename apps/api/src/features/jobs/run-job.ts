import type { Db } from "@ntm/db";
import { AppError, statusOf } from "../../http/app-error.ts";
import { runWithRequestId } from "../../shared/request-id.ts";
import type { JobHandlers, JobLog } from "./job-queue.ts";
import { markCompleted, markError, markProgress, markRunning } from "./jobs.repository.ts";

/**
 * One run of a recorded job: counts the attempt, calls the job's code, and records the result or
 * the error (`retrying`, or `failed` when `final`). Throws the error again, so that the queue
 * schedules the next attempt; a refusal (the account was disabled, its access withdrawn) would be
 * the same on every attempt, so it fails the job at once and is not thrown. A job already
 * completed is not run again.
 */
export async function runJob(
  db: Db,
  handlers: JobHandlers,
  options: {
    jobId: number;
    final: boolean;
    now: () => Date;
    log: JobLog;
    /** Whether a row still marked running may be run: its process died (the queue knows). */
    takeOverRunning: boolean;
  },
): Promise<void> {
  const { jobId, now, final } = options;
  const job = await markRunning(db, jobId, now(), { takeOverRunning: options.takeOverRunning });
  if (!job) return;
  const handler = handlers[job.kind as keyof JobHandlers];
  // The job's log lines carry the id of the request that asked for it, on whichever server.
  await runWithRequestId(job.requestId ?? undefined, options.log, async (requestLog) => {
    const log = requestLog.child({ jobId, kind: job.kind });
    try {
      if (!handler) throw new Error(`Máy chủ này không chạy được tác vụ loại ${job.kind}.`);
      log.info({ attempt: job.attempts }, "job started");
      const result = await handler({
        db,
        jobId,
        input: job.input as Record<string, unknown>,
        resumeFrom: job.progressDone,
        now,
        progress: (done, total) => markProgress(db, jobId, { done, total }, now()),
        log,
      });
      await markCompleted(db, jobId, result, now());
      log.info({ result }, "job completed");
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const refused = error instanceof AppError && statusOf[error.code] < 500;
      await markError(db, jobId, { message, final: final || refused }, now());
      log.warn({ err: error, final: final || refused }, "job failed");
      if (!refused) throw error;
    }
  });
}
