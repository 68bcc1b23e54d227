import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { Job } from "@ntm/contracts";
import { multipart, type FormFile } from "./multipart.ts";

/** Sends a file to an upload that queues a background job (`…?background=true`), as a page does. */
export function uploadForJob(
  app: FastifyInstance,
  options: { cookie: string; url: string; file: FormFile; requestId?: string },
) {
  const body = multipart({}, options.file);
  return app.inject({
    method: "POST",
    url: options.url,
    headers: {
      cookie: options.cookie,
      "content-type": body.contentType,
      ...(options.requestId ? { "x-request-id": options.requestId } : {}),
    },
    payload: body.payload,
  });
}

/** Reads a job as the account of `cookie` until it is completed or failed, as a page follows it. */
export async function finishedJob(app: FastifyInstance, cookie: string, id: number): Promise<Job> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const response = await app.inject({
      method: "GET",
      url: `/api/jobs/${id}`,
      headers: { cookie },
    });
    expect(response.statusCode, response.body).toBe(200);
    const job = response.json<Job>();
    if (job.state === "completed" || job.state === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`job ${id} did not finish`);
}

/** The file a finished job made (a refused import's report, a consolidated report). */
export function jobFile(app: FastifyInstance, cookie: string, id: number) {
  return app.inject({ method: "GET", url: `/api/jobs/${id}/file`, headers: { cookie } });
}
