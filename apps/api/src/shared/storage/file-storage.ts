import type { Readable } from "node:stream";

/**
 * Where uploaded files (evidence, dossier scans) are kept: the data folder beside the embedded
 * database, or an S3-compatible bucket shared by every API process. Keys are made by the server
 * (`evidence/X01/2024/<uuid>.pdf`), never taken from a user.
 */
export interface FileStorage {
  /** "local" (the data folder) or "s3" (a bucket), for logs and the readiness answer. */
  readonly kind: "local" | "s3";
  /** Writes the whole file under the key; the key names it only once this resolves. */
  put(key: string, body: Buffer | Readable, options: { contentType: string }): Promise<void>;
  /** The file as a stream; `StoredFileMissingError` when nothing is stored under the key. */
  get(key: string): Promise<Readable>;
  /** Removes the file; removing a missing file is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
  /** Every stored file whose key starts with `prefix`, with when it was last written. */
  list(prefix: string): AsyncIterable<StoredObject>;
}

export interface StoredObject {
  key: string;
  modifiedAt: Date;
}

export class StoredFileMissingError extends Error {
  constructor(readonly key: string) {
    super(`No stored file under ${key}`);
    this.name = "StoredFileMissingError";
  }
}

const safeKey = /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/;

/** Refuses a key that could leave the storage's root (`..`, an absolute path, odd characters). */
export function assertSafeKey(key: string): void {
  if (!safeKey.test(key) || key.split("/").includes("..")) {
    throw new Error(`Unsafe storage key: ${JSON.stringify(key)}`);
  }
}
