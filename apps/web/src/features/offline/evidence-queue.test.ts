import "fake-indexeddb/auto";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { deviceDb } from "./device-db.ts";
import {
  configureSync,
  dropEvidence,
  kickSync,
  queueEvidence,
  syncSettled,
} from "./sync-engine.ts";
import { getSyncSnapshot, updateSync } from "./sync-store.ts";

const key = { user: "xa", unitCode: "23284", year: 2024 };

/** The server's refusals, as the evidence route sends them. */
const refusals: Record<string, { status: number; code: string; message: string }> = {
  "big.png": { status: 413, code: "PAYLOAD_TOO_LARGE", message: "Tệp minh chứng vượt quá 10 MB." },
  "notes.txt": {
    status: 415,
    code: "UNSUPPORTED_MEDIA_TYPE",
    message: "Loại tệp không được chấp nhận hoặc nội dung không khớp đuôi tệp.",
  },
};

let online: boolean;
let uploads: { path: string; indicatorCode: string; name: string; size: number }[];

beforeEach(async () => {
  await deviceDb.evidence.clear();
  await deviceDb.outbox.clear();
  updateSync({ phase: "idle", error: null, sessionExpired: false });
  online = false;
  uploads = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (path: string, init?: RequestInit) => {
      if (!online) throw new TypeError("Failed to fetch");
      const form = init?.body as FormData;
      const file = form.get("file") as File;
      const refusal = refusals[file.name];
      if (refusal) {
        const body = { error: { code: refusal.code, message: refusal.message } };
        return new Response(JSON.stringify(body), { status: refusal.status });
      }
      uploads.push({
        path,
        indicatorCode: String(form.get("indicatorCode")),
        name: file.name,
        size: file.size,
      });
      return new Response(JSON.stringify({ id: uploads.length }), { status: 201 });
    }),
  );
  configureSync({ queryClient: null, user: "xa" });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const png = (name: string, bytes = 68) =>
  new File([new Uint8Array(bytes)], name, { type: "image/png" });

async function queued() {
  return (await deviceDb.evidence.where("user").equals("xa").toArray()).map((row) => ({
    name: row.name,
    error: row.error,
  }));
}

describe("evidence photos chosen without a link", () => {
  it("wait on the device, then go up in the order chosen when the link is back", async () => {
    await queueEvidence(key, "1.1", png("anh-duong.png", 120));
    await queueEvidence(key, "2.3", png("bien-ban.png"));
    await syncSettled();
    expect(uploads).toEqual([]);
    expect(await queued()).toEqual([
      { name: "anh-duong.png", error: undefined },
      { name: "bien-ban.png", error: undefined },
    ]);
    expect(getSyncSnapshot().phase).toBe("offline");

    online = true;
    kickSync();
    await syncSettled();
    expect(uploads).toEqual([
      {
        path: "/api/units/23284/assessments/2024/evidence",
        indicatorCode: "1.1",
        name: "anh-duong.png",
        size: 120,
      },
      {
        path: "/api/units/23284/assessments/2024/evidence",
        indicatorCode: "2.3",
        name: "bien-ban.png",
        size: 68,
      },
    ]);
    expect(await queued()).toEqual([]);
    expect(getSyncSnapshot().lastSentAt).not.toBeNull();
  });

  it("keeps a refused file with the server's reason until the officer removes it", async () => {
    await queueEvidence(key, "1.1", png("big.png"));
    await queueEvidence(key, "1.1", png("notes.txt"));
    await queueEvidence(key, "1.2", png("so-do.png"));
    online = true;
    kickSync();
    await syncSettled();
    expect(uploads.map((upload) => upload.name)).toEqual(["so-do.png"]);
    expect(await queued()).toEqual([
      { name: "big.png", error: "Tệp minh chứng vượt quá 10 MB." },
      {
        name: "notes.txt",
        error: "Loại tệp không được chấp nhận hoặc nội dung không khớp đuôi tệp.",
      },
    ]);

    // Another run does not send a refused file again.
    kickSync();
    await syncSettled();
    expect(uploads).toHaveLength(1);

    const [big] = await deviceDb.evidence.where("user").equals("xa").toArray();
    await dropEvidence(big?.seq ?? -1);
    expect((await queued()).map((row) => row.name)).toEqual(["notes.txt"]);
  });

  it("goes up only after the values of its assessment still waiting", async () => {
    await deviceDb.outbox.add({
      ...key,
      version: 3,
      values: [{ indicatorCode: "1.1", value: 12, base: null }],
      state: "rejected",
      error: "Giá trị không hợp lệ.",
      createdAt: 1,
    });
    await queueEvidence(key, "1.1", png("anh.png"));
    online = true;
    kickSync();
    await syncSettled();
    expect(uploads).toEqual([]);
    expect(await queued()).toEqual([{ name: "anh.png", error: undefined }]);
  });
});

/** The link comes back: the outbox sends what waits. */
async function linkBack() {
  online = true;
  kickSync();
  await syncSettled();
}

describe("a village's evidence chosen without a link", () => {
  const village = { user: "xa", unitCode: "23344-T02", year: 2025, setCode: "51-thon-thong-minh" };

  it("waits on the device with the commune's files and goes up to the village's own evidence", async () => {
    await queueEvidence(key, "1.1", png("anh-duong.png"));
    await queueEvidence(village, "2.1", png("wifi-nha-van-hoa.png", 90));
    await syncSettled();
    expect(uploads).toEqual([]);
    await linkBack();
    expect(uploads).toEqual([
      {
        path: "/api/units/23284/assessments/2024/evidence",
        indicatorCode: "1.1",
        name: "anh-duong.png",
        size: 68,
      },
      {
        path: "/api/villages/23344-T02/sets/51-thon-thong-minh/assessments/2025/evidence",
        indicatorCode: "2.1",
        name: "wifi-nha-van-hoa.png",
        size: 90,
      },
    ]);
    expect(await queued()).toEqual([]);
  });

  it("keeps a refused file of a village with the server's reason, as a commune's", async () => {
    await queueEvidence(village, "2.1", png("big.png"));
    await linkBack();
    expect(uploads).toEqual([]);
    const [row] = await deviceDb.evidence.where("user").equals("xa").toArray();
    expect(row).toMatchObject({
      setCode: "51-thon-thong-minh",
      name: "big.png",
      error: "Tệp minh chứng vượt quá 10 MB.",
    });
  });
});
