import { describe, expect, it } from "vitest";
import type { Job } from "@ntm/contracts";
import {
  hasUnfinished,
  jobSubject,
  outcomeKey,
  outcomeParams,
  percentDone,
  resultFileKey,
  resultFileUrl,
} from "./job-view.ts";

const job = (overrides: Partial<Job>): Job => ({
  id: 1,
  kind: "re_evaluation",
  provinceCode: "P01",
  state: "running",
  input: { year: 2024 },
  progress: { done: 0, total: null },
  attempts: 1,
  result: null,
  lastError: null,
  createdBy: "admin",
  createdAt: "2024-06-15T08:00:00.000Z",
  startedAt: null,
  finishedAt: null,
  ...overrides,
});

describe("the jobs page's reading of a job", () => {
  it("shows no bar before the job knows its size, then the share of parts done", () => {
    expect(percentDone(job({}))).toBeNull();
    expect(percentDone(job({ progress: { done: 3, total: 8 } }))).toBe(37);
    expect(percentDone(job({ state: "completed", progress: { done: 0, total: 0 } }))).toBe(100);
  });

  it("keeps refreshing while a job waits, runs or waits to run again", () => {
    expect(hasUnfinished([job({ state: "completed" }), job({ state: "failed" })])).toBe(false);
    expect(hasUnfinished([job({ state: "completed" }), job({ state: "retrying" })])).toBe(true);
  });

  it("takes the counts of a completed job's summary for its message", () => {
    const done = job({
      state: "completed",
      result: { year: 2024, evaluated: 12, communes: 14, note: "x" },
    });
    expect(outcomeParams(done)).toEqual({ year: 2024, evaluated: 12, communes: 14 });
    expect(outcomeParams(job({ result: { evaluated: 1 } }))).toBeNull();
  });

  it("offers a refused import's error report, and says whether the import was saved", () => {
    const refused = job({
      id: 7,
      kind: "assessment_import",
      state: "completed",
      result: { ok: false, errorCount: 3, fileKey: "jobs/7/loi-so-lieu.csv" },
    });
    expect(resultFileUrl(refused)).toBe("/api/jobs/7/file");
    expect(outcomeKey(refused)).toBe("jobs.outcome.import_refused");
    const saved = job({ kind: "assessment_import", state: "completed", result: { ok: true } });
    expect(resultFileUrl(saved)).toBeNull();
    expect(outcomeKey(saved)).toBe("jobs.outcome.import_saved");
    expect(resultFileUrl({ ...refused, state: "running" })).toBeNull();
    expect(outcomeKey(job({ kind: "re_evaluation" }))).toBe("jobs.outcome.re_evaluation");
  });

  it("says whether an OCOP registry import was saved, and offers its error report", () => {
    const refused = job({
      kind: "ocop_import",
      state: "completed",
      result: { ok: false, errorCount: 2, fileKey: "jobs/1/loi-so-ocop.csv" },
    });
    expect(outcomeKey(refused)).toBe("jobs.outcome.ocop_import_refused");
    expect(resultFileKey(refused)).toBe("jobs.errorReport");
    const saved = job({ kind: "ocop_import", state: "completed", result: { ok: true } });
    expect(outcomeKey(saved)).toBe("jobs.outcome.ocop_import_saved");
  });

  it("names a consolidated report by its type and period, and offers its file", () => {
    const report = job({
      id: 9,
      kind: "consolidated_report",
      state: "completed",
      input: {
        typeId: 3,
        periodKey: "2025-M05",
        typeName: "Báo cáo tháng",
        periodLabel: "Tháng 5/2025",
      },
      result: {
        fileKey: "jobs/9/bao-cao-tong-hop-2025-M05.docx",
        resultName: "bao-cao-tong-hop-2025-M05.docx",
      },
    });
    expect(jobSubject(report)).toBe("Báo cáo tháng · Tháng 5/2025");
    expect(resultFileUrl(report)).toBe("/api/jobs/9/file");
    expect(resultFileKey(report)).toBe("jobs.resultFile");
    expect(outcomeKey(report)).toBe("jobs.outcome.consolidated_report");
    expect(
      jobSubject(job({ kind: "assessment_import", input: { fileName: "so-lieu.xlsx" } })),
    ).toBe("so-lieu.xlsx");
    expect(jobSubject(job({}))).toBe("");
  });
});
