import type { Job, JobState } from "@ntm/contracts";

/** The colour of each state's tag; the word always goes with it. */
export const stateColours: Record<JobState, string> = {
  queued: "default",
  running: "processing",
  retrying: "gold",
  completed: "green",
  failed: "red",
};

/** Whether the list should keep refreshing itself: some job is not finished yet. */
export function hasUnfinished(jobs: readonly Job[]): boolean {
  return jobs.some((job) => job.state !== "completed" && job.state !== "failed");
}

/** The share done, 0–100, or null while the job does not know its size yet. */
export function percentDone(job: Pick<Job, "progress" | "state">): number | null {
  if (job.state === "completed") return 100;
  const { done, total } = job.progress;
  if (total === null || total === 0) return null;
  return Math.min(100, Math.floor((done / total) * 100));
}

/** The numbers of a job's summary for the outcome message, or null when it has none. */
export function outcomeParams(job: Job): Record<string, number> | null {
  if (job.state !== "completed" || !job.result) return null;
  const numbers: Record<string, number> = {};
  for (const [key, value] of Object.entries(job.result)) {
    if (typeof value === "number") numbers[key] = value;
  }
  return numbers;
}

/** The file a finished job produced (a refused import's error report, a report), or null. */
export function resultFileUrl(job: Job): string | null {
  if (job.state !== "completed" || typeof job.result?.fileKey !== "string") return null;
  return `/api/jobs/${job.id}/file`;
}

/** Which outcome message a finished job reads: an import saved, or refused for its errors. */
export function outcomeKey(job: Job): string {
  if (job.kind === "assessment_import") {
    return job.result?.ok === false ? "jobs.outcome.import_refused" : "jobs.outcome.import_saved";
  }
  if (job.kind === "ocop_import") {
    return job.result?.ok === false
      ? "jobs.outcome.ocop_import_refused"
      : "jobs.outcome.ocop_import_saved";
  }
  return `jobs.outcome.${job.kind}`;
}

/** The words of the link to a finished job's file. */
export function resultFileKey(job: Job): "jobs.errorReport" | "jobs.resultFile" {
  return job.kind === "consolidated_report" ? "jobs.resultFile" : "jobs.errorReport";
}

/** What a job worked on, for its line on the page: the report's type and period, the file. */
export function jobSubject(job: Job): string {
  const parts = [job.input.typeName, job.input.periodLabel, job.input.fileName];
  return parts
    .filter((part): part is string => typeof part === "string" && part !== "")
    .join(" · ");
}
