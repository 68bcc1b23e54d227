import { z } from "zod";
import {
  type ImportReport,
  reportSubmissionSchema,
  reportTypeSchema,
  ratesResponseSchema,
  reminderSchema,
  openPeriodsResultSchema,
  obstacleSchema,
  remindResultSchema,
} from "@ntm/contracts";
import {
  ApiError,
  apiErrorOf,
  apiPath,
  apiRequest,
  networkError,
  parseBody,
} from "../../lib/api-client.ts";

export const reportKeys = {
  all: ["reports"] as const,
  list: (period?: string) => ["reports", "list", period ?? ""] as const,
  detail: (id: number) => ["reports", "detail", id] as const,
  types: () => ["reports", "types"] as const,
  rates: (type: number, year: number | null = null) => ["reports", "rates", type, year] as const,
  reminders: () => ["reports", "reminders"] as const,
  obstacles: (filter: string) => ["reports", "obstacles", filter] as const,
};

export const fetchReports = (signal?: AbortSignal) =>
  apiRequest("/api/reports", { schema: z.array(reportSubmissionSchema), signal });
export const fetchReport = (id: number, signal?: AbortSignal) =>
  apiRequest(`/api/reports/${id}`, { schema: reportSubmissionSchema, signal });
export const fetchTypes = (signal?: AbortSignal) =>
  apiRequest("/api/report-types", { schema: z.array(reportTypeSchema), signal });
export const fetchRates = (type: number, signal?: AbortSignal, year: number | null = null) =>
  apiRequest(apiPath("/api/reports/rates", { type, year: year ?? undefined }), {
    schema: ratesResponseSchema,
    signal,
  });
export const fetchReminders = (signal?: AbortSignal) =>
  apiRequest("/api/reports/reminders", { schema: z.array(reminderSchema), signal });
export const submitReport = (id: number, narrative: string, version: number) =>
  apiRequest(`/api/reports/${id}/submit`, {
    schema: reportSubmissionSchema,
    method: "POST",
    json: { narrative, version },
  });
export const returnReport = (id: number, reason: string) =>
  apiRequest(`/api/reports/${id}/return`, {
    schema: reportSubmissionSchema,
    method: "POST",
    json: { reason },
  });

/** "Nhắc nộp": reminds the submitters of these reports in the app and by e-mail. */
export const remindReports = (ids: number[]) =>
  apiRequest("/api/reports/remind", {
    schema: remindResultSchema,
    method: "POST",
    json: { ids },
  });
export const selectedExportUrl = (ids: number[]) =>
  apiPath("/api/reports/export", { ids: ids.join(",") });

export const openDuePeriods = () =>
  apiRequest("/api/report-periods/open", { schema: openPeriodsResultSchema, method: "POST" });

export const fetchObstacles = (filter: Record<string, string>, signal?: AbortSignal) =>
  apiRequest(apiPath("/api/obstacles", filter), { schema: z.array(obstacleSchema), signal });
export const raiseObstacle = (input: {
  unitCode: string;
  title: string;
  description: string;
  criterionCodes: string[];
  planItem?: string;
  dueDate: string;
}) => apiRequest("/api/obstacles", { schema: obstacleSchema, method: "POST", json: input });
export const escalateObstacle = (id: number, note: string) =>
  apiRequest(`/api/obstacles/${id}/escalate`, {
    schema: obstacleSchema,
    method: "POST",
    json: { note },
  });
export const resolveObstacle = (id: number, answer: string) =>
  apiRequest(`/api/obstacles/${id}/resolve`, {
    schema: obstacleSchema,
    method: "POST",
    json: { answer },
  });

export const templateUrl = (unit: string, year: number) =>
  apiPath("/api/import/template", { unit, year });
export const exportUrl = (unit: string, year: number) =>
  apiPath("/api/export/values", { unit, year, format: "xlsx" });

export interface CheckProgress {
  phase: "read" | "check" | "write" | "done";
  done: number;
  total: number;
}

/** A file with wrong cells ends with its report and an IMPORT_REJECTED error (422 unstreamed). */
type StreamLine =
  | { progress: CheckProgress }
  | { report: ImportReport }
  | { error: { code: string; message: string }; report: ImportReport }
  | { error: { code: string; message: string } };

/**
 * Uploads an import file with XMLHttpRequest, which (unlike fetch) reports upload progress for
 * the progress bar; the server then checks every cell and streams its progress as NDJSON lines.
 */
export function uploadImport(
  file: File,
  dryRun: boolean,
  onProgress: (percent: number) => void,
  onCheck: (progress: CheckProgress) => void = () => undefined,
): Promise<ImportReport> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", apiPath("/api/import/values", { dryRun: dryRun ? "true" : undefined }));
    request.setRequestHeader("Accept", "application/x-ndjson, application/json");
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    let read = 0;
    const completeLines = (): StreamLine[] => {
      const text = request.responseText;
      const end = text.lastIndexOf("\n") + 1;
      if (end <= read) return [];
      const lines = text
        .slice(read, end)
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as StreamLine);
      read = end;
      return lines;
    };
    let last: StreamLine | null = null;
    const take = () => {
      for (const line of completeLines()) {
        if ("progress" in line) onCheck(line.progress);
        last = line;
      }
    };
    request.onprogress = () => {
      if (request.status === 200) take();
    };
    request.onerror = () => reject(networkError());
    request.onload = () => {
      if (request.status === 200) {
        try {
          take();
        } catch {
          last = null;
        }
        const outcome = last as StreamLine | null;
        if (outcome && "report" in outcome) return resolve(outcome.report);
        return reject(
          outcome && "error" in outcome
            ? apiErrorOf(400, outcome)
            : new ApiError(200, "BAD_RESPONSE", "Máy chủ trả lời không đầy đủ; hãy thử lại."),
        );
      }
      const body = parseBody(request.responseText);
      const rejected = body as { report?: ImportReport } | null;
      if (request.status === 422 && rejected?.report) return resolve(rejected.report);
      reject(apiErrorOf(request.status, body));
    };
    const form = new FormData();
    form.append("file", file);
    request.send(form);
  });
}
