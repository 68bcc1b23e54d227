import type { Readable } from "node:stream";
import { notFound } from "../../http/app-error.ts";
import { StoredFileMissingError, type FileStorage } from "./file-storage.ts";

/** A stored file for a download: a row whose file is gone answers 404, not a server error. */
export async function readStoredFile(storage: FileStorage, key: string): Promise<Readable> {
  try {
    return await storage.get(key);
  } catch (error) {
    if (!(error instanceof StoredFileMissingError)) throw error;
    throw notFound(
      "Tệp đã được ghi nhận nhưng không còn trong kho lưu trữ. Hãy báo quản trị hệ thống.",
      "The file is recorded but no longer in storage. Tell the system administrator.",
    );
  }
}
