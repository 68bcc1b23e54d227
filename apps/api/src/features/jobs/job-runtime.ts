import type { Database } from "@ntm/db";
import type { Config } from "../../shared/config.ts";
import { localDateTime, today } from "../../shared/clock.ts";
import { createFileStorage, type FileStorage } from "../../shared/storage/index.ts";
import { jobHandlers } from "./job-handlers.ts";
import type { JobLog, JobQueue } from "./job-queue.ts";
import { createInProcessQueue } from "./in-process-queue.ts";
import { createPgBossQueue } from "./pg-boss-queue.ts";

/**
 * The job runner of a server: pg-boss on a PostgreSQL server, shared by every API process; in
 * the server's own process on the embedded database, which only one process opens.
 */
export function createJobQueue(
  database: Database,
  config: Config,
  now: () => Date = () => new Date(),
  storage: FileStorage = createFileStorage(config),
): JobQueue {
  const handlers = jobHandlers(config, storage);
  if (database.kind === "postgres" && config.databaseUrl) {
    return createPgBossQueue(database, handlers, {
      url: config.databaseUrl,
      now,
      settings: config.jobs,
    });
  }
  return createInProcessQueue(database.db, handlers, {
    now,
    recoverInterrupted: true,
    retryDelaySeconds: config.jobs.retryDelaySeconds,
  });
}

/**
 * Asks once a day for the sweep of stored files no row names: every server asks every hour, and
 * the day's key makes it one job, run by one server.
 */
export function scheduleStorageSweep(
  jobs: JobQueue,
  options: { now: () => Date; log: JobLog },
): () => void {
  const tick = () => {
    const date = today(options.now());
    jobs
      .enqueue({
        kind: "storage_sweep",
        provinceCode: null,
        input: { date },
        userId: null,
        dedupeKey: `storage_sweep:${date}`,
      })
      .catch((error: unknown) => options.log.error({ err: error }, "storage sweep not queued"));
  };
  const timer = setInterval(tick, 3600_000);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}

/**
 * Asks for the day's reminder e-mails every hour from `hour` o'clock in Viet Nam (NTM_REMINDER_HOUR,
 * 7 by default, not at midnight): every server asks, and the day's key makes it one job, run by
 * one server.
 */
export function scheduleReminderMails(
  jobs: JobQueue,
  options: { now: () => Date; log: JobLog; hour: number },
): () => void {
  const tick = () => {
    const now = options.now();
    if (Number(localDateTime(now).slice(11, 13)) < options.hour) return;
    const date = today(now);
    jobs
      .enqueue({
        kind: "reminder_mails",
        provinceCode: null,
        input: { date },
        userId: null,
        dedupeKey: `reminder_mails:${date}`,
      })
      .catch((error: unknown) => options.log.error({ err: error }, "reminder job not queued"));
  };
  const timer = setInterval(tick, 3600_000);
  timer.unref();
  tick();
  return () => clearInterval(timer);
}
