import { createHash } from "node:crypto";
import { createWriteStream } from "node:fs";
import { open, rename, rm, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import type { Database, Tx } from "@ntm/db";
import {
  backupFormat,
  backupVersion,
  fileChunkBytes,
  isSafeStoragePath,
  type BackupManifest,
} from "./backup-format.ts";
import {
  auditChainEnd,
  backupTables,
  openRowCursor,
  storedFilePaths,
} from "./backup.repository.ts";

/** Rows fetched from the cursor at a time: few enough that wide rows (map shapes) stay small in memory. */
const fetchRows = 1000;

const line = (value: unknown) => `${JSON.stringify(value)}\n`;

/** A table's rows through a cursor: one pass over the table, however large. */
async function* tableLines(tx: Tx, table: string, manifest: BackupManifest) {
  const prefix = `{"table":${JSON.stringify(table)},"row":`;
  const cursor = await openRowCursor(tx, table);
  let count = 0;
  for (;;) {
    const rows = await cursor.next(fetchRows);
    if (rows.length > 0) yield rows.map((row) => `${prefix}${row}}\n`).join("");
    count += rows.length;
    if (rows.length < fetchRows) break;
  }
  await cursor.close();
  manifest.rows[table] = count;
}

/** A stored file in chunks, then its size and SHA-256; a file already gone is listed as missing. */
async function* fileLines(dataDir: string, path: string, manifest: BackupManifest) {
  let handle: FileHandle;
  try {
    if (!isSafeStoragePath(path)) throw Object.assign(new Error(path), { code: "ENOENT" });
    handle = await open(join(dataDir, path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    manifest.missingFiles.push(path);
    return;
  }
  yield line({ file: path });
  const hash = createHash("sha256");
  let size = 0;
  for await (const chunk of handle.createReadStream({ highWaterMark: fileChunkBytes })) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    size += bytes.length;
    yield line({ data: bytes.toString("base64") });
  }
  const sha256 = hash.digest("hex");
  yield line({ fileEnd: path, size, sha256 });
  manifest.files.push({ path, size, sha256 });
}

/**
 * Writes every table and every stored file to one gzip JSON-lines file, all read in one snapshot
 * (a REPEATABLE READ, READ ONLY transaction), so the backup is the database as of one instant even
 * while the server writes. Rows stream through a cursor; the file appears under its name only when
 * complete. Returns the manifest written at its end.
 */
export async function backupDatabase(
  database: Database,
  file: string,
  options: { dataDir: string },
): Promise<BackupManifest> {
  return database.db.transaction(
    async (tx) => {
      // The first statement fixes the snapshot every later read sees.
      const tables = await backupTables(tx);
      const paths = await storedFilePaths(tx);
      const manifest: BackupManifest = {
        rows: {},
        files: [],
        missingFiles: [],
        audit: await auditChainEnd(tx),
      };
      async function* lines() {
        yield line({
          format: backupFormat,
          version: backupVersion,
          createdAt: new Date().toISOString(),
          database: database.kind,
          tables,
        });
        for (const path of paths) yield* fileLines(options.dataDir, path, manifest);
        for (const table of tables) yield* tableLines(tx, table, manifest);
        yield line({ manifest });
      }
      const partial = `${file}.partial`;
      try {
        await pipeline(Readable.from(lines()), createGzip(), createWriteStream(partial));
        await rename(partial, file);
      } finally {
        await rm(partial, { force: true });
      }
      return manifest;
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
