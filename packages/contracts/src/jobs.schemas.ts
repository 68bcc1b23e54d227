import { z } from "zod";
import { idSchema, yearSchema } from "./api.schemas.ts";

/** What a background job does. */
export const jobKinds = [
  "reminder_mails",
  "re_evaluation",
  "assessment_import",
  "ocop_import",
  "consolidated_report",
  "storage_sweep",
] as const;
export type JobKind = (typeof jobKinds)[number];

/** queued → running → completed, or retrying (after an error or a stopped server) → failed. */
export const jobStates = ["queued", "running", "retrying", "completed", "failed"] as const;
export type JobState = (typeof jobStates)[number];

/** A background job as the province administrator sees it. */
export const jobSchema = z.object({
  id: z.number(),
  kind: z.enum(jobKinds),
  provinceCode: z.string().nullable(),
  state: z.enum(jobStates),
  input: z.record(z.string(), z.unknown()),
  progress: z.object({ done: z.number(), total: z.number().nullable() }),
  attempts: z.number(),
  result: z.record(z.string(), z.unknown()).nullable(),
  lastError: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type Job = z.infer<typeof jobSchema>;

export const jobListSchema = z.object({ jobs: z.array(jobSchema) });
export type JobList = z.infer<typeof jobListSchema>;

/** `GET /api/jobs`: the jobs of a province (the account's own when absent), newest first. */
export const jobListQuerySchema = z
  .object({
    province: z.string().max(20).optional(),
    state: z.enum(jobStates).optional(),
  })
  .strict();

/** `POST /api/jobs/re-evaluation`: re-evaluates every commune of a province for a year. */
export const reEvaluationBodySchema = z
  .object({
    province: z.string().min(1).max(20),
    year: yearSchema,
  })
  .strict();

/**
 * `POST /api/jobs/consolidated-report`: the consolidated report of a period (Word) or its annex
 * (Excel), made by a background job.
 */
export const consolidatedReportBodySchema = z
  .object({
    type: idSchema,
    period: z.string().min(4).max(20),
    format: z.enum(["docx", "xlsx"]).default("docx"),
  })
  .strict();
