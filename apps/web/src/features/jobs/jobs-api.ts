import { jobListSchema, jobSchema, type Job } from "@ntm/contracts";
import { apiErrorOf, apiPath, apiRequest, networkError, parseBody } from "../../lib/api-client.ts";

export const jobsQueryKey = ["jobs"] as const;

export async function fetchJobs(): Promise<Job[]> {
  return (await apiRequest("/api/jobs", { schema: jobListSchema })).jobs;
}

export function startReEvaluation(input: { province: string; year: number }): Promise<Job> {
  return apiRequest("/api/jobs/re-evaluation", {
    schema: jobSchema,
    method: "POST",
    json: input,
  });
}

/** Asks for the consolidated report of a period; while it is being made, the same job answers. */
export function startConsolidatedReport(input: {
  type: number;
  period: string;
  format: "docx" | "xlsx";
}): Promise<Job> {
  return apiRequest("/api/jobs/consolidated-report", {
    schema: jobSchema,
    method: "POST",
    json: input,
  });
}

export function fetchJob(id: number): Promise<Job> {
  return apiRequest(`/api/jobs/${id}`, { schema: jobSchema });
}

/** From this size a value file is imported by a background job: the request returns at once. */
export const backgroundImportBytes = 2 * 1024 * 1024;

/**
 * Uploads a file to be imported by a background job (with upload progress): a value file, or
 * another import's file sent to its own `path`.
 */
export function uploadImportInBackground(
  file: File,
  onProgress: (percent: number) => void,
  path = apiPath("/api/import/values", { background: "true" }),
): Promise<Job> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", path);
    request.setRequestHeader("Accept", "application/json");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () => reject(networkError());
    request.onload = () => {
      const body = parseBody(request.responseText);
      const job = jobSchema.safeParse(body);
      if (request.status === 202 && job.success) return resolve(job.data);
      reject(apiErrorOf(request.status, body));
    };
    const form = new FormData();
    form.append("file", file);
    request.send(form);
  });
}

/** Reads a job every two seconds until it is finished, reporting each reading. */
export async function followJob(
  id: number,
  onReading: (job: Job) => void,
  isCancelled: () => boolean = () => false,
): Promise<Job | null> {
  for (;;) {
    const job = await fetchJob(id);
    if (isCancelled()) return null;
    onReading(job);
    if (job.state === "completed" || job.state === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
