import { jobListSchema, jobSchema, type Job } from "@ntm/contracts";
import { apiRequest } from "../../lib/api-client.ts";

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
