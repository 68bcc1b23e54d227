import type { StorageConfig } from "../config.ts";
import type { FileStorage } from "./file-storage.ts";
import { createLocalStorage } from "./local-storage.ts";
import { createS3Storage } from "./s3-storage.ts";

export {
  assertSafeKey,
  StoredFileMissingError,
  type FileStorage,
  type StoredObject,
} from "./file-storage.ts";
export { createLocalStorage } from "./local-storage.ts";
export { readStoredFile } from "./read-stored-file.ts";
export { createS3Storage, type S3StorageConfig } from "./s3-storage.ts";

/** The storage the configuration names: the bucket of NTM_S3_BUCKET, else the data folder. */
export function createFileStorage(config: {
  dataDir: string;
  storage: StorageConfig;
}): FileStorage {
  return config.storage.kind === "s3"
    ? createS3Storage(config.storage)
    : createLocalStorage(config.dataDir);
}
export {
  defaultGraceSeconds,
  storedFilePrefixes,
  sweepOrphanFiles,
  type OrphanSweep,
} from "./orphan-sweep.ts";
