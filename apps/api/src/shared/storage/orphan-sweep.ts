import type { Db } from "@ntm/db";
import { recordAudit, type AuditActor } from "../audit.ts";
import type { FileStorage, StoredObject } from "./file-storage.ts";
import { findNamedKeys } from "./orphan-files.repository.ts";

/** Where the server stores files: evidence, dossier scans, background jobs' uploads and results. */
export const storedFilePrefixes = ["evidence/", "dossiers/", "jobs/"] as const;

/**
 * A file younger than this is never removed: its row may still be on its way (a file is stored
 * before the transaction that names it commits).
 */
export const defaultGraceSeconds = 3600;

/** Keys checked against the database at once. */
const batchSize = 500;
/** Keys the audit row lists; the count is always whole. */
const auditedKeys = 100;

export interface OrphanSweep {
  dryRun: boolean;
  graceSeconds: number;
  /** Stored files looked at. */
  scanned: number;
  /** Files no row names and older than the grace period: removed, or only listed in a dry run. */
  orphans: StoredObject[];
  removed: number;
  /** Files that could not be removed, with the store's answer; the next sweep tries again. */
  failed: { key: string; error: string }[];
}

/**
 * Removes stored files that no row names and that are older than the grace period: what is left
 * when a server stopped between storing an upload and committing the row that names it. A dry
 * run only lists them. A sweep that removed files is audited with their count.
 */
export async function sweepOrphanFiles(
  db: Db,
  storage: FileStorage,
  options: { now: Date; graceSeconds?: number; dryRun: boolean; by: AuditActor },
): Promise<OrphanSweep> {
  const graceSeconds = options.graceSeconds ?? defaultGraceSeconds;
  const before = options.now.getTime() - graceSeconds * 1000;
  const sweep: OrphanSweep = {
    dryRun: options.dryRun,
    graceSeconds,
    scanned: 0,
    orphans: [],
    removed: 0,
    failed: [],
  };
  let batch: StoredObject[] = [];
  const check = async () => {
    const named = await findNamedKeys(
      db,
      batch.map((object) => object.key),
    );
    for (const object of batch) if (!named.has(object.key)) sweep.orphans.push(object);
    batch = [];
  };
  for (const prefix of storedFilePrefixes) {
    for await (const object of storage.list(prefix)) {
      sweep.scanned += 1;
      if (object.modifiedAt.getTime() >= before) continue;
      batch.push(object);
      if (batch.length >= batchSize) await check();
    }
  }
  await check();
  if (options.dryRun) return sweep;

  const removedKeys: string[] = [];
  for (const orphan of sweep.orphans) {
    try {
      await storage.delete(orphan.key);
      removedKeys.push(orphan.key);
    } catch (error) {
      sweep.failed.push({
        key: orphan.key,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  sweep.removed = removedKeys.length;
  if (sweep.removed > 0) {
    await db.transaction((tx) =>
      recordAudit(tx, {
        kind: "storage.sweep",
        by: options.by,
        key: storage.kind,
        unitCode: null,
        new: { removed: sweep.removed, keys: removedKeys.slice(0, auditedKeys), graceSeconds },
      }),
    );
  }
  return sweep;
}
