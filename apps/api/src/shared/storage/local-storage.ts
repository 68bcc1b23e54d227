import { randomUUID } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, rename, rm, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  assertSafeKey,
  StoredFileMissingError,
  type FileStorage,
  type StoredObject,
} from "./file-storage.ts";

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

/**
 * Files under the data folder (`<dataDir>/<key>`): the embedded default, one server only. A file
 * is written under a temporary name and renamed, so a half-written upload is never read.
 */
export function createLocalStorage(dataDir: string): FileStorage {
  /** The files under a folder of the data folder, with keys relative to it. */
  async function* walk(folder: string): AsyncGenerator<StoredObject> {
    let entries;
    try {
      entries = await readdir(join(dataDir, folder), { withFileTypes: true });
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const key = folder ? `${folder}/${entry.name}` : entry.name;
      if (entry.isDirectory()) yield* walk(key);
      else if (entry.isFile()) {
        const info = await stat(join(dataDir, key)).catch(() => undefined);
        if (info) yield { key, modifiedAt: info.mtime };
      }
    }
  }
  const pathOf = (key: string) => {
    assertSafeKey(key);
    return join(dataDir, key);
  };
  return {
    kind: "local",
    async put(key, body) {
      const path = pathOf(key);
      const partial = `${path}.${randomUUID()}.partial`;
      await mkdir(dirname(path), { recursive: true });
      try {
        await pipeline(
          Buffer.isBuffer(body) ? Readable.from([body]) : body,
          createWriteStream(partial),
        );
        await rename(partial, path);
      } finally {
        await rm(partial, { force: true });
      }
    },
    async get(key) {
      try {
        const handle = await open(pathOf(key));
        return handle.createReadStream();
      } catch (error) {
        if (isMissing(error)) throw new StoredFileMissingError(key);
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
    async exists(key) {
      try {
        return (await stat(pathOf(key))).isFile();
      } catch (error) {
        if (isMissing(error)) return false;
        throw error;
      }
    },
    async *list(prefix) {
      // Walks only the folder of the prefix: the data folder also holds the database and backups.
      const slash = prefix.lastIndexOf("/");
      const folder = slash < 0 ? "" : prefix.slice(0, slash);
      if (folder) assertSafeKey(folder);
      for await (const object of walk(folder)) {
        if (object.key.startsWith(prefix)) yield object;
      }
    },
  };
}
