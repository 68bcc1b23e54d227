import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { startS3Server, type TestS3Server } from "../../test/s3-server.ts";
import {
  createFileStorage,
  createLocalStorage,
  StoredFileMissingError,
  type FileStorage,
} from "./index.ts";

let s3: TestS3Server;
let folder: string;
const storages: Record<string, FileStorage> = {};

beforeAll(async () => {
  s3 = await startS3Server();
  folder = mkdtempSync(join(tmpdir(), "ntm-files-"));
  storages.local = createLocalStorage(folder);
  storages.s3 = createFileStorage({ dataDir: folder, storage: loadConfig(s3.environment).storage });
});
afterAll(async () => {
  await s3.close();
  rmSync(folder, { recursive: true, force: true });
});

describe.each(["local", "s3"])("the %s storage", (kind) => {
  const storage = () => storages[kind] as FileStorage;

  it("is the kind the configuration names", () => {
    expect(storage().kind).toBe(kind);
  });

  it("stores a buffer and gives it back as a stream", async () => {
    const key = "evidence/X01/2024/bien-ban.pdf";
    await storage().put(key, Buffer.from("%PDF-1.4 biên bản"), { contentType: "application/pdf" });
    expect(await storage().exists(key)).toBe(true);
    expect(await text(await storage().get(key))).toBe("%PDF-1.4 biên bản");
  });

  it("stores a stream of several megabytes whole", async () => {
    const key = "dossiers/7/lon.pdf";
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    await storage().put(key, Readable.from([chunk, chunk, chunk, chunk, chunk, chunk]), {
      contentType: "application/pdf",
    });
    let size = 0;
    for await (const part of await storage().get(key)) size += (part as Buffer).length;
    expect(size).toBe(6 * 1024 * 1024);
  });

  it("deletes, and deleting again or a file never stored is no error", async () => {
    const key = "evidence/X01/2024/xoa.png";
    await storage().put(key, Buffer.from("png"), { contentType: "image/png" });
    await storage().delete(key);
    expect(await storage().exists(key)).toBe(false);
    await storage().delete(key);
    await storage().delete("evidence/X01/2024/chua-bao-gio-co.png");
  });

  it("answers a missing file with StoredFileMissingError", async () => {
    await expect(storage().get("evidence/X01/2024/khong-co.pdf")).rejects.toBeInstanceOf(
      StoredFileMissingError,
    );
  });

  it("refuses keys that could leave its root", async () => {
    for (const key of ["../ngoai.pdf", "/etc/passwd", "evidence/../../ngoai", "a//b", ""]) {
      await expect(
        storage().put(key, Buffer.from("x"), { contentType: "text/plain" }),
        key,
      ).rejects.toThrow(/Unsafe storage key/);
    }
  });
});

describe("the storage settings", () => {
  it("keep files in the data folder when no bucket is named", () => {
    expect(loadConfig({}).storage).toEqual({ kind: "local" });
  });

  it("read the bucket, its address, region and keys", () => {
    expect(
      loadConfig({
        NTM_S3_URL: "http://minio:9000",
        NTM_S3_BUCKET: "ntm-files",
        NTM_S3_ACCESS_KEY_ID: "id",
        NTM_S3_SECRET_ACCESS_KEY: "bi-mat",
        NTM_S3_REGION: "ap-southeast-1",
        NTM_S3_PATH_STYLE: "0",
      }).storage,
    ).toEqual({
      kind: "s3",
      endpoint: "http://minio:9000",
      bucket: "ntm-files",
      region: "ap-southeast-1",
      credentials: { accessKeyId: "id", secretAccessKey: "bi-mat" },
      pathStyle: false,
    });
  });

  it("leave the keys to the platform (an instance role) when none are given", () => {
    const storage = loadConfig({ NTM_S3_BUCKET: "ntm-files" }).storage;
    expect(storage).toMatchObject({ kind: "s3", credentials: undefined, pathStyle: true });
  });

  it.each([
    [{ NTM_S3_URL: "http://minio:9000" }, /NTM_S3_BUCKET: cần tên bucket/],
    [
      { NTM_S3_BUCKET: "ntm", NTM_S3_ACCESS_KEY_ID: "id" },
      /NTM_S3_SECRET_ACCESS_KEY: cần khai báo cả/,
    ],
    [{ NTM_S3_BUCKET: "Tep_NTM" }, /NTM_S3_BUCKET="Tep_NTM": phải là tên bucket/],
    [
      { NTM_S3_BUCKET: "ntm", NTM_S3_URL: "minio:9000" },
      /NTM_S3_URL="minio:9000": phải là địa chỉ/,
    ],
  ])("stop the start on a half-given or mistyped bucket: %o", (environment, message) => {
    expect(() => loadConfig(environment)).toThrow(message);
  });
});
