// Background jobs as the province sees them; re-exported by schema.ts.
import {
  bigserial,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/**
 * One row per background job (reminder e-mails, a bulk re-evaluation, a large import, the
 * consolidated report): what was asked, by whom, for which province, and how far it got. The
 * queue that runs it (pg-boss on a PostgreSQL server, an in-process runner on the embedded
 * database) only carries this row's id.
 */
export const backgroundJobs = pgTable(
  "background_jobs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: text("kind").notNull(),
    /** The province the job works on; null for work across the installation (reminders). */
    provinceCode: text("province_code"),
    input: jsonb("input").notNull(),
    /** queued | running | retrying | completed | failed */
    state: text("state").notNull().default("queued"),
    progressDone: integer("progress_done").notNull().default(0),
    progressTotal: integer("progress_total"),
    attempts: integer("attempts").notNull().default(0),
    result: jsonb("result"),
    lastError: text("last_error"),
    /** The same work asked twice (the day's reminders from every server) is one job. */
    dedupeKey: text("dedupe_key"),
    /** The account that asked; null for the system (a schedule, the command line). */
    createdBy: integer("created_by"),
    /** The request that asked for it, so its log lines can be followed into the job. */
    requestId: text("request_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("background_jobs_dedupe_idx").on(t.dedupeKey),
    index("background_jobs_province_idx").on(t.provinceCode, t.createdAt),
    index("background_jobs_state_idx").on(t.state, t.createdAt),
  ],
);
