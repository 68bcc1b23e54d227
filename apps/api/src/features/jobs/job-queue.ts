import type { FastifyBaseLogger } from "fastify";
import { pino } from "pino";
import type { Db } from "@ntm/db";
import type { JobKind } from "@ntm/contracts";
import type { JobRow } from "./jobs.repository.ts";

/** What a background job is asked to do, and on whose behalf. */
export interface JobRequest {
  kind: JobKind;
  /** The province it works on; null for work across the installation. */
  provinceCode: string | null;
  input: Record<string, unknown>;
  /** The account that asked; null for the system (a schedule). */
  userId: number | null;
  /** Asking again with the same key returns the job already recorded. */
  dedupeKey?: string | undefined;
  requestId?: string | undefined;
}

export type JobLog = FastifyBaseLogger;

/** What a job's code receives: its input and a way to say how far it got. */
export interface JobContext {
  db: Db;
  jobId: number;
  input: Record<string, unknown>;
  /** How far the run before this one got (0 on the first run). */
  resumeFrom: number;
  now: () => Date;
  progress: (done: number, total: number | null) => Promise<void>;
  log: JobLog;
}

/**
 * The code of one kind of job. It must be safe to run again after a crash at any point: results
 * are upserted and e-mails keyed, so a second run neither doubles nor loses anything. Returns a
 * short summary for the jobs page.
 */
export type JobHandler = (context: JobContext) => Promise<Record<string, unknown>>;
export type JobHandlers = Partial<Record<JobKind, JobHandler>>;

/**
 * Runs background jobs: pg-boss on a PostgreSQL server (any server may run any job, and a job
 * whose server stops is picked up by another), or in the server's own process on the embedded
 * database. Both record every job in `background_jobs`.
 */
export interface JobQueue {
  readonly implementation: "pg-boss" | "in-process";
  /** Records the job and hands it to the runner; a repeated dedupe key returns the job recorded. */
  enqueue: (request: JobRequest) => Promise<JobRow>;
  start: (log?: JobLog) => Promise<void>;
  /** Stops taking jobs and waits for the one in progress (a stopped server's job is retried). */
  stop: () => Promise<void>;
}

/**
 * Kinds whose dedupe key stands for "the same work, while it is being done": once the job is
 * finished the key is let go, so that asking again (the figures may have changed) is a new job.
 * Other keys (the day's reminders) stay for good.
 */
export const keyHeldWhileUnfinished: readonly JobKind[] = ["consolidated_report"];

/** Attempts after the first, and the first wait (NTM_JOB_RETRY_SECONDS); each next wait doubles. */
export const retryPolicy = { retryLimit: 4, retryDelaySeconds: 30 } as const;

export const silentLog: JobLog = pino({ enabled: false });
