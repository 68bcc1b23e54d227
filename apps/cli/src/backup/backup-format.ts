/**
 * The backup file: gzip-compressed JSON lines, portable between the embedded database and a
 * PostgreSQL server. Version 2 holds, in this order:
 *
 *   {"format":"ntm-backup","version":2,"createdAt":…,"database":…,"tables":[…]}
 *   {"file":"evidence/62010/2024/….pdf"}                one per stored file, then its bytes as
 *   {"data":"<base64>"}                                  chunks of at most 1 MiB, then
 *   {"fileEnd":"evidence/…","size":…,"sha256":"…"}
 *   {"table":"admin_units","row":{…}}                    every row, parents before children
 *   {"manifest":{"rows":{…},"files":[…],"missingFiles":[…],"audit":{…}}}
 *
 * A file without the manifest line is incomplete and is never restored. Version 1 (rows only, no
 * files, no manifest) is still read.
 */

export const backupFormat = "ntm-backup";
export const backupVersion = 2;
export const fileChunkBytes = 1024 * 1024;

export interface BackupHeader {
  format: typeof backupFormat;
  version: number;
  createdAt?: string;
  database?: "pglite" | "postgres";
  tables: string[];
}

export interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

export interface BackupManifest {
  /** Rows per table, as read in the backup's snapshot. */
  rows: Record<string, number>;
  files: ManifestFile[];
  /** Files a row names that were not in the data folder when the backup was taken. */
  missingFiles: string[];
  /** The audit chain's end in the snapshot. */
  audit: { length: number; lastHash: string } | null;
}

export type BackupLine =
  | { table: string; row: unknown }
  | { file: string }
  | { data: string }
  | { fileEnd: string; size: number; sha256: string }
  | { manifest: BackupManifest };

/**
 * A stored file's path as a row names it, checked before it is joined to the data folder: relative,
 * forward slashes, no `..`, so a crafted backup cannot write outside the folder.
 */
export function isSafeStoragePath(path: string): boolean {
  if (path.length === 0 || path.startsWith("/") || path.includes("\\") || path.includes("\0")) {
    return false;
  }
  return path.split("/").every((part) => part !== "" && part !== "." && part !== "..");
}
