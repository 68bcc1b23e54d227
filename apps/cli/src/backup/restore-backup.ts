import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { Database, Tx } from "@ntm/db";
import {
  analyzeIfLarge,
  recordAudit,
  systemUser,
  verifyAuditChain,
  type AuditChainReport,
} from "@ntm/api";
import {
  backupFormat,
  isSafeStoragePath,
  type BackupHeader,
  type BackupManifest,
  type ManifestFile,
} from "./backup-format.ts";
import {
  backupTables,
  countRows,
  insertRowsJson,
  keyMissingProvinces,
  resetSequences,
  truncateTables,
} from "./backup.repository.ts";
import { readGzipLines } from "./read-lines.ts";

export interface RestoreReport {
  version: number;
  createdAt: string | null;
  /** Per table: the rows the backup's manifest lists (null for a version 1 backup) and restored. */
  tables: { table: string; expected: number | null; restored: number }[];
  /** Every restored file, read back from the data folder and compared with the manifest. */
  files: { path: string; size: number; matches: boolean }[];
  /** Files the backup could not include (named by a row, gone from the data folder then). */
  missingFiles: string[];
  /** Row counts and file checksums equal the manifest. */
  verified: boolean;
  audit: AuditChainReport;
}

const notABackup = () => new Error("Tệp không phải bản sao lưu NTM Monitor.");
const rowLine = /^\{"table":"([a-z0-9_]+)","row":([\s\S]*)\}$/;
const batchRows = 1000;
const batchChars = 8 * 1024 * 1024;

async function sha256Of(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Writes one file from its chunk lines beside its place, checks it, then moves it in. */
async function restoreFile(
  dataDir: string,
  path: string,
  next: () => Promise<string | undefined>,
): Promise<ManifestFile> {
  if (!isSafeStoragePath(path))
    throw new Error(`Đường dẫn tệp không hợp lệ trong bản sao lưu: ${path}`);
  const target = join(dataDir, path);
  const partial = `${target}.restoring`;
  await mkdir(dirname(target), { recursive: true });
  const handle = await open(partial, "w");
  const hash = createHash("sha256");
  let size = 0;
  try {
    for (;;) {
      const line = await next();
      if (line === undefined)
        throw new Error("Bản sao lưu bị cắt cụt: thiếu phần cuối của một tệp.");
      const parsed = JSON.parse(line) as {
        data?: string;
        fileEnd?: string;
        size?: number;
        sha256?: string;
      };
      if (parsed.data !== undefined) {
        const bytes = Buffer.from(parsed.data, "base64");
        hash.update(bytes);
        size += bytes.length;
        await handle.write(bytes);
        continue;
      }
      const sha256 = hash.digest("hex");
      if (parsed.fileEnd !== path || parsed.sha256 !== sha256 || parsed.size !== size) {
        throw new Error(`Tệp ${path} trong bản sao lưu bị hỏng (mã SHA-256 không khớp).`);
      }
      await handle.close();
      await rename(partial, target);
      return { path, size, sha256 };
    }
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  }
}

/** Inserts rows table by table in batches, parents first as the backup lists them. */
function rowWriter(tx: Tx) {
  let table = "";
  let texts: string[] = [];
  let chars = 0;
  const flush = async () => {
    if (texts.length === 0) return;
    const part = `[${texts.join(",")}]`;
    texts = [];
    chars = 0;
    await insertRowsJson(tx, table, part);
  };
  return {
    flush,
    add: async (name: string, text: string) => {
      if (name !== table || texts.length >= batchRows || chars >= batchChars) await flush();
      table = name;
      texts.push(text);
      chars += text.length;
    },
  };
}

function compareWithManifest(
  manifest: BackupManifest | undefined,
  counts: { table: string; restored: number }[],
  files: ManifestFile[],
): string[] {
  if (!manifest) return [];
  const problems: string[] = [];
  for (const { table, restored } of counts) {
    const expected = manifest.rows[table] ?? 0;
    if (expected !== restored)
      problems.push(`bảng ${table}: ${restored} dòng, bản sao lưu ghi ${expected}`);
  }
  const restoredFiles = new Map(files.map((file) => [file.path, file.sha256]));
  for (const file of manifest.files) {
    if (restoredFiles.get(file.path) !== file.sha256) problems.push(`tệp ${file.path} không khớp`);
  }
  if (files.length !== manifest.files.length) {
    problems.push(`${files.length} tệp, bản sao lưu ghi ${manifest.files.length}`);
  }
  return problems;
}

/**
 * Replaces every table with a backup, in one transaction, and puts its files back into the data
 * folder. Before committing it compares row counts and file checksums with the backup's manifest
 * and refuses an incomplete or altered backup; the restore itself is audited, after the restored
 * audit chain. Files of the replaced data stay in the folder, named by no row.
 */
export async function restoreDatabase(
  database: Database,
  file: string,
  options: { dataDir: string },
): Promise<RestoreReport> {
  const tables = await backupTables(database.db);
  const lines = readGzipLines(file);
  const next = async () => {
    try {
      const result = await lines.next();
      return result.done ? undefined : result.value;
    } catch {
      throw notABackup();
    }
  };
  let header: BackupHeader;
  try {
    header = JSON.parse((await next()) ?? "") as BackupHeader;
  } catch {
    throw notABackup();
  }
  if (header.format !== backupFormat) throw notABackup();
  if (header.version > 2)
    throw new Error(`Bản sao lưu phiên bản ${header.version} mới hơn chương trình này.`);

  const files: ManifestFile[] = [];
  let pending = await next();
  while (pending?.startsWith('{"file":')) {
    const { file: path } = JSON.parse(pending) as { file: string };
    files.push(await restoreFile(options.dataDir, path, next));
    pending = await next();
  }

  const restored = await database.db.transaction(async (tx) => {
    await truncateTables(tx, tables);
    const writer = rowWriter(tx);
    let manifest: BackupManifest | undefined;
    for (; pending !== undefined; pending = await next()) {
      const row = rowLine.exec(pending);
      if (row) {
        const [, table = "", text = ""] = row;
        if (!tables.includes(table))
          throw new Error(`Bảng không hợp lệ trong bản sao lưu: ${table}`);
        await writer.add(table, text);
        continue;
      }
      const parsed = JSON.parse(pending) as {
        manifest?: BackupManifest;
        table?: string;
        row?: unknown;
      };
      if (parsed.manifest) manifest = parsed.manifest;
      else if (parsed.table && tables.includes(parsed.table))
        await writer.add(parsed.table, JSON.stringify(parsed.row));
      else throw new Error(`Dòng không hợp lệ trong bản sao lưu: ${pending.slice(0, 80)}`);
    }
    await writer.flush();
    if (header.version >= 2 && !manifest) {
      throw new Error("Bản sao lưu không đầy đủ (thiếu phần kiểm tra cuối tệp); không khôi phục.");
    }
    const counts = [];
    for (const table of tables) counts.push({ table, restored: await countRows(tx, table) });
    const problems = compareWithManifest(manifest, counts, files);
    if (problems.length > 0) {
      throw new Error(`Khôi phục không khớp bản sao lưu, đã hủy: ${problems.join("; ")}.`);
    }
    await resetSequences(tx);
    await keyMissingProvinces(tx);
    await recordAudit(tx, {
      kind: "data.restored",
      by: systemUser,
      key: file,
      unitCode: null,
      new: {
        file,
        createdAt: header.createdAt ?? null,
        rows: counts.reduce((sum, count) => sum + count.restored, 0),
        files: files.length,
        tables: counts.filter((count) => count.restored > 0).length,
        verified: manifest !== undefined,
      },
    });
    return { manifest, counts };
  });

  // The embedded database never analyzes on its own: the first reads after a restore would be
  // planned from the statistics of the data it replaced.
  for (const { table, restored: count } of restored.counts) {
    await analyzeIfLarge(database.db, count, [table], { embeddedOnly: true });
  }
  const checked = [];
  for (const restoredFile of files) {
    const sha256 = await sha256Of(join(options.dataDir, restoredFile.path));
    checked.push({
      path: restoredFile.path,
      size: restoredFile.size,
      matches: sha256 === restoredFile.sha256,
    });
  }
  const { manifest } = restored;
  return {
    version: header.version,
    createdAt: header.createdAt ?? null,
    tables: restored.counts.map(({ table, restored: count }) => ({
      table,
      expected: manifest ? (manifest.rows[table] ?? 0) : null,
      restored: count,
    })),
    files: checked,
    missingFiles: manifest?.missingFiles ?? [],
    verified: manifest !== undefined && checked.every((check) => check.matches),
    audit: await verifyAuditChain(database.db),
  };
}
