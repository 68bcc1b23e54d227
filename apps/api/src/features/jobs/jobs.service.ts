import { randomUUID } from "node:crypto";
import type { Db } from "@ntm/db";
import type { Job, JobKind, JobState } from "@ntm/contracts";
import { AppError, notFound } from "../../http/app-error.ts";
import { can } from "@ntm/domain";
import { assertCan } from "../../shared/access.ts";
import { today } from "../../shared/clock.ts";
import { contentTypes } from "../../shared/download.ts";
import { currentRequestId } from "../../shared/request-id.ts";
import { readStoredFile, type FileStorage } from "../../shared/storage/index.ts";
import { actorOf, type AuthUser } from "../auth/index.ts";
import { checkConsolidation, mayConsolidate, type ConsolidatedFormat } from "../reports/index.ts";
import { findPathOn, findUnitResource } from "../units/index.ts";
import { consolidatedReportKey, type ConsolidatedReportInput } from "./consolidated-report-job.ts";
import type { JobQueue } from "./job-queue.ts";
import type { OcopImportInput } from "./ocop-import-job.ts";
import { findJob, findJobs, findUsernames, type JobRow } from "./jobs.repository.ts";

const jobNotFound = (id: number) =>
  notFound(`Không tìm thấy tác vụ nền số ${id}.`, `Background job ${id} not found.`);

/** The province a user works in: the top of the account's unit path. */
async function ownProvince(db: Db, user: AuthUser, asOf: string): Promise<string> {
  const path = await findPathOn(db, user.unitCode, asOf);
  return path.find((step) => step.level === "province")?.code ?? user.unitCode;
}

/** A province named by a request, with the policy's resource; 400 when the unit is no province. */
async function provinceResource(db: Db, code: string, asOf: string) {
  const found = await findUnitResource(db, code, asOf);
  if (found.unit.level !== "province") {
    throw new AppError({
      code: "VALIDATION_FAILED",
      vi: `${found.unit.name} không phải là tỉnh, thành phố: tác vụ nền chạy cho cả tỉnh.`,
      en: `${code} is not a province: background jobs run for a whole province.`,
    });
  }
  return found;
}

function toJob(row: JobRow, usernames: Map<number, string>): Job {
  return {
    id: row.id,
    kind: row.kind as JobKind,
    provinceCode: row.provinceCode,
    state: row.state as JobState,
    input: row.input as Record<string, unknown>,
    progress: { done: row.progressDone, total: row.progressTotal },
    attempts: row.attempts,
    result: (row.result as Record<string, unknown> | null) ?? null,
    lastError: row.lastError,
    createdBy: row.createdBy === null ? null : (usernames.get(row.createdBy) ?? null),
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

async function toJobs(db: Db, rows: JobRow[]): Promise<Job[]> {
  const ids = [...new Set(rows.flatMap((row) => (row.createdBy === null ? [] : [row.createdBy])))];
  const usernames = await findUsernames(db, ids);
  return rows.map((row) => toJob(row, usernames));
}

/**
 * The jobs of a province (the account's own by default), newest first, with those that work
 * across the installation (the day's reminders), which show counts only.
 */
export async function listJobs(
  db: Db,
  options: {
    user: AuthUser;
    province?: string | undefined;
    state?: JobState | undefined;
    now: Date;
  },
): Promise<Job[]> {
  const asOf = today(options.now);
  const code = options.province ?? (await ownProvince(db, options.user, asOf));
  const { resource } = await provinceResource(db, code, asOf);
  assertCan(options.user, "job.read", resource);
  const rows = await findJobs(db, {
    provinceCodes: [code],
    installation: true,
    state: options.state,
  });
  return toJobs(db, rows);
}

/**
 * A job the user may read: any of the province's for its administrators; an import for the
 * account that sent the file, while it may import values or change the OCOP registry; a consolidated report for whoever may
 * make that report (the receiving office, whoever of it asked first).
 */
async function readableJob(db: Db, options: { user: AuthUser; id: number; now: Date }) {
  const row = await findJob(db, options.id);
  if (!row) throw jobNotFound(options.id);
  if (row.kind === "consolidated_report") {
    const { typeId } = row.input as ConsolidatedReportInput;
    await mayConsolidate(db, { user: options.user, typeId, now: options.now });
    return row;
  }
  if (row.kind === "ocop_import" && row.createdBy === options.user.id) {
    const { unitCode } = row.input as unknown as OcopImportInput;
    const { resource } = await findUnitResource(db, unitCode, today(options.now));
    assertCan(options.user, "ocop.write", resource);
    return row;
  }
  if (row.kind === "assessment_import" && row.createdBy === options.user.id) {
    assertCan(options.user, "values.import");
    return row;
  }
  const asOf = today(options.now);
  const code = row.provinceCode ?? (await ownProvince(db, options.user, asOf));
  const { resource } = await findUnitResource(db, code, asOf);
  // A job of another province is not shown to exist.
  if (can(actorOf(options.user), "job.read", resource).code === "out_of_scope") {
    throw jobNotFound(options.id);
  }
  assertCan(options.user, "job.read", resource);
  return row;
}

export async function getJob(
  db: Db,
  options: { user: AuthUser; id: number; now: Date },
): Promise<Job> {
  return (await toJobs(db, [await readableJob(db, options)]))[0] as Job;
}

const resultTypes: Record<string, string> = {
  csv: contentTypes.csv,
  docx: contentTypes.docx,
  xlsx: contentTypes.xlsx,
};

/**
 * The file a finished job produced (the error report of a refused import, a consolidated report),
 * to download.
 */
export async function getJobFile(
  db: Db,
  storage: FileStorage,
  options: { user: AuthUser; id: number; now: Date },
) {
  const row = await readableJob(db, options);
  const result = (row.result ?? {}) as { fileKey?: string; resultName?: string };
  if (row.state !== "completed" || !result.fileKey) {
    throw notFound(
      `Tác vụ nền số ${options.id} không có tệp kết quả.`,
      `Background job ${options.id} produced no file.`,
    );
  }
  const fileName = result.resultName ?? result.fileKey.split("/").at(-1) ?? "ket-qua";
  const extension = fileName.split(".").at(-1)?.toLowerCase() ?? "";
  return {
    fileName,
    contentType: resultTypes[extension] ?? "application/octet-stream",
    body: await readStoredFile(storage, result.fileKey),
  };
}

const importTypes: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv",
};

/**
 * Stores a value file and queues its import as a background job of the account's province: the
 * file first, then the row that names it; the file is removed if the row is not recorded.
 */
export async function startValueImport(
  db: Db,
  jobs: JobQueue,
  storage: FileStorage,
  options: { user: AuthUser; fileName: string; content: Buffer; now: Date },
): Promise<Job> {
  assertCan(options.user, "values.import");
  const extension = options.fileName.split(".").at(-1)?.toLowerCase() ?? "";
  const contentType = importTypes[extension];
  if (!contentType) {
    throw new AppError({
      code: "VALIDATION_FAILED",
      vi: "Chỉ nhận tệp .xlsx hoặc .csv.",
      en: "Only .xlsx or .csv files are accepted.",
    });
  }
  const province = await ownProvince(db, options.user, today(options.now));
  const fileKey = `jobs/uploads/${randomUUID()}.${extension}`;
  await storage.put(fileKey, options.content, { contentType });
  try {
    const row = await jobs.enqueue({
      kind: "assessment_import",
      provinceCode: province,
      input: {
        fileKey,
        fileName: options.fileName,
        size: options.content.length,
        userId: options.user.id,
      },
      userId: options.user.id,
      requestId: currentRequestId(),
    });
    return (await toJobs(db, [row]))[0] as Job;
  } catch (error) {
    await storage.delete(fileKey);
    throw error;
  }
}

/** Queues the re-evaluation of every commune of a province for a year. */
export async function startReEvaluation(
  db: Db,
  jobs: JobQueue,
  options: { user: AuthUser; province: string; year: number; now: Date },
): Promise<Job> {
  const { resource } = await provinceResource(db, options.province, today(options.now));
  assertCan(options.user, "job.start", resource);
  const row = await jobs.enqueue({
    kind: "re_evaluation",
    provinceCode: options.province,
    input: { provinceCode: options.province, year: options.year },
    userId: options.user.id,
    requestId: currentRequestId(),
  });
  return (await toJobs(db, [row]))[0] as Job;
}

/**
 * Queues the consolidated report of a period (Word, or the Excel annex) for the receiving office:
 * refused at once as the report itself would be; asked again while its job is unfinished, the
 * same job.
 */
export async function startConsolidatedReport(
  db: Db,
  jobs: JobQueue,
  options: {
    user: AuthUser;
    typeId: number;
    periodKey: string;
    format: ConsolidatedFormat;
    now: Date;
  },
): Promise<Job> {
  const asked = await checkConsolidation(db, options);
  const path = await findPathOn(db, options.user.unitCode, today(options.now));
  const input: ConsolidatedReportInput = {
    typeId: options.typeId,
    periodKey: options.periodKey,
    format: options.format,
    userId: options.user.id,
    typeName: asked.typeName,
    periodLabel: asked.periodLabel,
  };
  const row = await jobs.enqueue({
    kind: "consolidated_report",
    // The office's own province lists the job (a former province's type is received there too).
    provinceCode: path.find((step) => step.level === "province")?.code ?? asked.receiverUnitCode,
    input: { ...input },
    userId: options.user.id,
    dedupeKey: consolidatedReportKey(input),
    requestId: currentRequestId(),
  });
  return (await toJobs(db, [row]))[0] as Job;
}

/**
 * Stores an OCOP registry sheet and queues its import as a background job: refused at once as
 * the import would be (the registry of a unit out of reach, a file that is no .xlsx); the file
 * first, then the row that names it; the file is removed if the row is not recorded.
 */
export async function startOcopImport(
  db: Db,
  jobs: JobQueue,
  storage: FileStorage,
  options: { user: AuthUser; unitCode: string; fileName: string; content: Buffer; now: Date },
): Promise<Job> {
  const asOf = today(options.now);
  const { resource } = await findUnitResource(db, options.unitCode, asOf);
  assertCan(options.user, "ocop.write", resource);
  if (!options.fileName.toLowerCase().endsWith(".xlsx")) {
    throw new AppError({
      code: "VALIDATION_FAILED",
      vi: "Chỉ nhận tệp .xlsx (dùng tệp xuất từ sổ OCOP làm mẫu).",
      en: "Only .xlsx files are accepted (use the registry's export as the template).",
    });
  }
  const path = await findPathOn(db, options.unitCode, asOf);
  const fileKey = `jobs/uploads/${randomUUID()}.xlsx`;
  await storage.put(fileKey, options.content, { contentType: contentTypes.xlsx });
  try {
    const input: OcopImportInput = {
      fileKey,
      fileName: options.fileName,
      size: options.content.length,
      unitCode: options.unitCode,
      userId: options.user.id,
    };
    const row = await jobs.enqueue({
      kind: "ocop_import",
      provinceCode: path.find((step) => step.level === "province")?.code ?? options.unitCode,
      input: { ...input },
      userId: options.user.id,
      requestId: currentRequestId(),
    });
    return (await toJobs(db, [row]))[0] as Job;
  } catch (error) {
    await storage.delete(fileKey);
    throw error;
  }
}
