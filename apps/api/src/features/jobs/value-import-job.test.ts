import { readdirSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@ntm/db";
import type { Job } from "@ntm/contracts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { finishedJob, jobFile, uploadForJob } from "../../test/jobs.ts";
import { createLocalStorage } from "../../shared/storage/index.ts";
import { silentLog } from "./job-queue.ts";
import { valueImportJob } from "./value-import-job.ts";

// A value file imported by a background job: stored first, checked and written all-or-nothing
// as the account that sent it, its error report downloadable from the job.
let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["huyen", "admin", "admin2", "xem"])
    cookies[user] = await loginAs(t.app, user);
});
afterAll(() => t.close());

const sendInBackground = (user: string, name: string, content: string, requestId?: string) =>
  uploadForJob(t.app, {
    cookie: cookies[user] as string,
    url: "/api/import/values?background=true",
    file: { name, content: Buffer.from(content) },
    ...(requestId ? { requestId } : {}),
  });
const finished = (user: string, id: number) => finishedJob(t.app, cookies[user] as string, id);

const valueOf = async (unit: string, indicator: string) =>
  (
    await queryRows<{ value: number | null }>(
      t.database.db,
      sql`select num_value::float as value from assessment_values
        where unit_code = ${unit} and year = 2024 and indicator_code = ${indicator}`,
    )
  )[0]?.value ?? null;

const uploads = () => {
  try {
    return readdirSync(join(t.dataDir, "jobs", "uploads")).length;
  } catch {
    return 0;
  }
};

const fileOf = (user: string, id: number) => jobFile(t.app, cookies[user] as string, id);

describe("a value file imported in the background", () => {
  it("is stored, queued (202) and imported as the account that sent it, with the request's id", async () => {
    const csv = "ma_don_vi;ma_chi_tieu;nam;gia_tri\nX01;3.1;2024;81,5\nX02;10.1;2024;46\n";
    const response = await sendInBackground("huyen", "so-lieu.csv", csv, "nhap-nen-1");
    expect(response.statusCode, response.body).toBe(202);
    const queued = response.json<Job>();
    expect(queued).toMatchObject({
      kind: "assessment_import",
      provinceCode: "P01",
      createdBy: "huyen",
    });
    expect(uploads()).toBe(1);
    const job = await finished("huyen", queued.id);
    expect(job).toMatchObject({
      state: "completed",
      attempts: 1,
      result: { ok: true, values: 2, errorCount: 0, fileName: "so-lieu.csv" },
    });
    expect(await valueOf("X01", "3.1")).toBe(81.5);
    expect(await valueOf("X02", "10.1")).toBe(46);
    const [row] = await queryRows<{ request_id: string }>(
      t.database.db,
      sql`select request_id from background_jobs where id = ${queued.id}`,
    );
    expect(row?.request_id).toBe("nhap-nen-1");
    // Only a refused file produces a file to download.
    expect((await fileOf("huyen", queued.id)).statusCode).toBe(404);
  });

  it("saves nothing from a file with a wrong cell, and offers the per-cell error report", async () => {
    const csv = "ma_don_vi;ma_chi_tieu;nam;gia_tri\nX01;3.1;2024;60\nX02;10.1;2024;abc\n";
    const queued = (await sendInBackground("huyen", "co-loi.csv", csv)).json<Job>();
    const job = await finished("huyen", queued.id);
    expect(job).toMatchObject({ state: "completed", result: { ok: false, errorCount: 1 } });
    expect(await valueOf("X01", "3.1")).toBe(81.5);

    const download = await fileOf("huyen", queued.id);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toContain("text/csv");
    expect(download.headers["content-disposition"]).toContain("loi-co-loi.csv");
    const lines = download.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Ô,Dòng,Cột,Mã đơn vị,Tên đơn vị,Mã chỉ tiêu,Tên chỉ tiêu,Lỗi");
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain("X02");
    expect(lines[1]).toContain("10.1");

    // The province's administrator reads it from the jobs page; another province's does not.
    expect((await fileOf("admin", queued.id)).statusCode).toBe(200);
    expect((await fileOf("admin2", queued.id)).statusCode).toBe(404);
    expect((await fileOf("xem", queued.id)).statusCode).toBe(403);
  });

  it("is refused to an account that may not import, storing nothing", async () => {
    const before = uploads();
    const response = await sendInBackground("xem", "so-lieu.csv", "ma_don_vi;ma_chi_tieu\n");
    expect(response.statusCode).toBe(403);
    expect(uploads()).toBe(before);
  });

  it("refuses a file that is no .xlsx or .csv, in Vietnamese, storing nothing", async () => {
    const before = uploads();
    const response = await sendInBackground("huyen", "bien-ban.pdf", "%PDF-1.4");
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toContain(".xlsx");
    expect(uploads()).toBe(before);
  });

  it("run again after a crash (the same job delivered twice), changes and audits nothing more", async () => {
    const csv = "ma_don_vi;ma_chi_tieu;nam;gia_tri\nX01;3.1;2024;77\n";
    const queued = (await sendInBackground("huyen", "lan-hai.csv", csv)).json<Job>();
    expect(await finished("huyen", queued.id)).toMatchObject({
      result: { ok: true, valuesChanged: 1 },
    });
    const audits = async () =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`select count(*)::int as n from audit_log where action like 'assessment.%'`,
        )
      )[0]?.n;
    const before = await audits();
    const [row] = await queryRows<{ input: Record<string, unknown> }>(
      t.database.db,
      sql`select input from background_jobs where id = ${queued.id}`,
    );
    const again = await valueImportJob(createLocalStorage(t.dataDir))({
      db: t.database.db,
      jobId: queued.id,
      input: row!.input,
      resumeFrom: 0,
      now: () => new Date(),
      progress: async () => undefined,
      log: silentLog,
    });
    expect(again).toMatchObject({ ok: true, valuesChanged: 0 });
    expect(await valueOf("X01", "3.1")).toBe(77);
    expect(await audits()).toBe(before);
  });
});
