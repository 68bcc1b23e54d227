import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@ntm/db";
import type { Job } from "@ntm/contracts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { finishedJob, jobFile, uploadForJob } from "../../test/jobs.ts";
import { importSetWithOcop } from "../../test/ocop-set.ts";
import { ocopSheet, ocopSheetRow } from "../../test/ocop-sheet.ts";
import { createLocalStorage } from "../../shared/storage/index.ts";
import { silentLog } from "./job-queue.ts";
import { ocopImportJob } from "./ocop-import-job.ts";

// A province's OCOP registry imported by a background job: the sheet stored first, then checked
// and saved all or nothing as the account that sent it, the per-row report kept with the job.
let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await importSetWithOcop(t.database.db);
  for (const user of ["admin", "vpdp", "xa1", "xem", "admin2"])
    cookies[user] = await loginAs(t.app, user);
});
afterAll(() => t?.close());

const row = ocopSheetRow;
const sheetOf = ocopSheet;
const send = (user: string, content: Buffer, name = "so-ocop.xlsx") =>
  uploadForJob(t.app, {
    cookie: cookies[user] as string,
    url: "/api/ocop/import?unitCode=P01&background=true",
    file: { name, content },
  });
const finished = (user: string, id: number) => finishedJob(t.app, cookies[user] as string, id);
const fileOf = (user: string, id: number) => jobFile(t.app, cookies[user] as string, id);

const count = async (table: "ocop_products" | "background_jobs") =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ${sql.identifier(table)}`,
    )
  )[0]?.n;

describe("an OCOP registry sheet imported in the background", () => {
  let saved: Job;

  it("keeps the per-row report with the job and saves nothing when one row is wrong", async () => {
    const before = await count("ocop_products");
    const response = await send(
      "vpdp",
      await sheetOf([row("Miến dong"), row("Gạo lứt", { stars: 5, group: "Ô tô" })]),
    );
    expect(response.statusCode, response.body).toBe(202);
    const queued = response.json<Job>();
    expect(queued).toMatchObject({ kind: "ocop_import", provinceCode: "P01", createdBy: "vpdp" });
    const job = await finished("vpdp", queued.id);
    expect(job).toMatchObject({
      state: "completed",
      attempts: 1,
      result: { ok: false, imported: 0, errorCount: 1, fileName: "so-ocop.xlsx" },
    });
    expect(job.result?.errors).toEqual([
      { path: 'Dòng 3, cột "Nhóm sản phẩm"', message: expect.stringContaining("6 nhóm") },
    ]);
    expect(await count("ocop_products")).toBe(before);
    const report = await fileOf("vpdp", queued.id);
    expect(report.statusCode).toBe(200);
    expect(report.headers["content-type"]).toContain("text/csv");
    expect(report.headers["content-disposition"]).toContain("loi-so-ocop.csv");
    const lines = report.body
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Vị trí,Lỗi");
    expect(lines[1]).toContain("Dòng 3");
  });

  it("registers every row of a correct sheet as the account that sent it", async () => {
    const before = await count("ocop_products");
    const queued = (
      await send("vpdp", await sheetOf([row("Miến dong"), row("Gạo lứt")]))
    ).json<Job>();
    saved = await finished("vpdp", queued.id);
    expect(saved).toMatchObject({
      state: "completed",
      result: { ok: true, imported: 2, errorCount: 0 },
    });
    expect(await count("ocop_products")).toBe((before ?? 0) + 2);
    // Nothing to download from a saved import; the administrator reads the job, another province's not.
    expect((await fileOf("vpdp", queued.id)).statusCode).toBe(404);
    expect((await finished("admin", queued.id)).id).toBe(queued.id);
    expect((await fileOf("admin2", queued.id)).statusCode).toBe(404);
  });

  it("run again after a crash (the same job delivered twice), registers no product twice", async () => {
    const before = await count("ocop_products");
    const [stored] = await queryRows<{ input: Record<string, unknown> }>(
      t.database.db,
      sql`select input from background_jobs where id = ${saved.id}`,
    );
    const again = await ocopImportJob(createLocalStorage(t.dataDir))({
      db: t.database.db,
      jobId: saved.id,
      input: stored!.input,
      resumeFrom: 0,
      now: () => new Date(),
      progress: async () => undefined,
      log: silentLog,
    });
    expect(again).toMatchObject({ ok: false, imported: 0, errorCount: 1 });
    expect(JSON.stringify(again.errors)).toContain("đã có trong sổ OCOP");
    expect(await count("ocop_products")).toBe(before);
  });

  it.each([
    ["a commune officer", "xa1"],
    ["a viewer", "xem"],
    ["another province's administrator", "admin2"],
  ])("is refused to %s (403), storing and queueing nothing", async (_who, user) => {
    const jobs = await count("background_jobs");
    const response = await send(user, await sheetOf([row("Bánh tráng")]));
    expect(response.statusCode).toBe(403);
    expect(await count("background_jobs")).toBe(jobs);
  });

  it("refuses a file that is no .xlsx, in Vietnamese, queueing nothing", async () => {
    const jobs = await count("background_jobs");
    const response = await send("vpdp", Buffer.from("%PDF-1.4"), "so-ocop.pdf");
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toContain(".xlsx");
    expect(await count("background_jobs")).toBe(jobs);
  });
});
