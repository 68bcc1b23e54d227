import { endOfYear } from "@ntm/domain";
import type { Config } from "../../shared/config.ts";
import { sweepOrphanFiles, type FileStorage } from "../../shared/storage/index.ts";
import { systemUser } from "../auth/index.ts";
import { reevaluate } from "../assessments/index.ts";
import { sendOcopNotices } from "../ocop/index.ts";
import { sendReminderMails } from "../reports/index.ts";
import { findDescendantsOn, findSuccessorLinks } from "../units/index.ts";
import { consolidatedReportJob } from "./consolidated-report-job.ts";
import type { JobHandler, JobHandlers } from "./job-queue.ts";
import { ocopImportJob } from "./ocop-import-job.ts";
import { valueImportJob } from "./value-import-job.ts";

/** Communes per chunk of a re-evaluation: a chunk is one short transaction and one progress step. */
const reEvaluationChunk = 100;

/**
 * Re-evaluates every assessed commune of a province for a year, chunk by chunk; a run after a
 * crash goes on from the last chunk recorded, and writes the same rows again if it repeats one.
 */
export const reEvaluationJob: JobHandler = async ({ db, input, resumeFrom, now, progress }) => {
  const provinceCode = String(input.provinceCode);
  const year = Number(input.year);
  const asOf = endOfYear(year);
  // A year before a reorganisation belongs to the provinces the province was formed from (the
  // 2025 reform: the new province's administrator re-evaluates 2024 over both former provinces).
  const roots = new Set([provinceCode]);
  for (const link of await findSuccessorLinks(db, provinceCode)) {
    if (link.successorCode === provinceCode && link.effectiveDate > asOf) {
      roots.add(link.predecessorCode);
    }
  }
  const found = new Set<string>();
  for (const root of roots) {
    for (const unit of await findDescendantsOn(db, root, asOf)) {
      if (unit.level === "commune" && unit.assessed) found.add(unit.code);
    }
  }
  const communes = [...found].sort();
  let written = Promise.resolve();
  const { evaluated, chunks } = await reevaluate(db, {
    years: [year],
    unitCodes: communes,
    now: now(),
    chunkSize: reEvaluationChunk,
    fromChunk: resumeFrom,
    onProgress: ({ chunksDone, chunksTotal }) => {
      written = written.then(() => progress(chunksDone, chunksTotal));
    },
  });
  await written;
  return { year, communes: communes.length, evaluated, chunks, resumedFromChunk: resumeFrom };
};

/** The day's reminder e-mails; a reminder already sent is never sent again. */
export function reminderMailsJob(config: Config): JobHandler {
  return async ({ db, now, progress }) => {
    const result = await sendReminderMails(db, { now: now(), mail: config.mail });
    const ocop = await sendOcopNotices(db, { now: now(), mail: config.mail });
    await progress(result.sent.length, result.sent.length);
    return {
      configured: result.configured,
      sent: result.sent.length,
      withoutAddress: result.withoutAddress,
      ocopNotices: ocop.sent.length,
    };
  };
}

/** Removes the stored files no row names that are older than an hour (crash leftovers). */
export function storageSweepJob(storage: FileStorage): JobHandler {
  return async ({ db, now, progress }) => {
    const sweep = await sweepOrphanFiles(db, storage, {
      now: now(),
      dryRun: false,
      by: { id: systemUser.id, username: systemUser.username },
    });
    await progress(sweep.scanned, sweep.scanned);
    if (sweep.failed.length > 0) {
      const first = sweep.failed[0];
      throw new Error(
        `Không xoá được ${sweep.failed.length} tệp (${first?.key}: ${first?.error}); đã xoá ${sweep.removed} tệp.`,
      );
    }
    return { storage: storage.kind, scanned: sweep.scanned, removed: sweep.removed };
  };
}

/** The code of each kind of job this server runs. */
export function jobHandlers(config: Config, storage: FileStorage): JobHandlers {
  return {
    re_evaluation: reEvaluationJob,
    reminder_mails: reminderMailsJob(config),
    storage_sweep: storageSweepJob(storage),
    assessment_import: valueImportJob(storage),
    ocop_import: ocopImportJob(storage),
    consolidated_report: consolidatedReportJob(storage),
  };
}
