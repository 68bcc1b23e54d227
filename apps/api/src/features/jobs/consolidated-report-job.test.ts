import ExcelJS from "exceljs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@ntm/db";
import type { Job } from "@ntm/contracts";
import {
  createTestApp,
  fixedNow,
  loginAs,
  testPassword,
  type TestApp,
} from "../../test/test-app.ts";
import { finishedJob } from "../../test/jobs.ts";
import { submittedMonthlyReport, zipEntry } from "../../test/report-period.ts";
import { loadConfig } from "../../shared/config.ts";
import { createLocalStorage, type FileStorage } from "../../shared/storage/index.ts";
import { systemUser } from "../auth/index.ts";
import { createUser } from "../users/index.ts";
import { createInProcessQueue, type InProcessQueue } from "./in-process-queue.ts";
import { jobHandlers } from "./job-handlers.ts";

// The consolidated report of a period built by a background job: asked by the receiving office,
// followed on the page, downloaded by whoever may make the report; asked twice, one job.
let t: TestApp;
let queue: InProcessQueue;
/** The store the jobs write to can be taken down, as a bucket or a disk can be. */
let storageDown = false;
const cookies: Record<string, string> = {};
let typeId = 0;

function call(user: string, method: "GET" | "POST", url: string, payload?: object) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: cookies[user] ?? "" },
    ...(payload ? { payload } : {}),
  });
}

const ask = (user: string, period: string, format: "docx" | "xlsx" = "docx") =>
  call(user, "POST", "/api/jobs/consolidated-report", { type: typeId, period, format });

const jobCount = async () =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from background_jobs where kind = 'consolidated_report'`,
    )
  )[0]?.n;

beforeAll(async () => {
  t = await createTestApp({
    jobs: (database, dataDir) => {
      const local = createLocalStorage(dataDir);
      const storage: FileStorage = {
        ...local,
        put: async (key, body, options) => {
          if (storageDown) throw new Error("kho tệp không trả lời");
          return local.put(key, body, options);
        },
      };
      queue = createInProcessQueue(database.db, jobHandlers(loadConfig({}), storage), {
        now: () => fixedNow,
        recoverInterrupted: false,
        retryDelaySeconds: 0,
      });
      return queue;
    },
  });
  await createUser(t.database.db, {
    input: {
      username: "vpdp-moi",
      password: testPassword,
      role: "coordination_office",
      unitCode: "P01",
    },
    by: systemUser,
  });
  for (const user of [
    "admin",
    "vpdp",
    "vpdp-moi",
    "huyen",
    "so-nn",
    "xa1",
    "xem",
    "admin2",
    "quocgia",
  ])
    cookies[user] = await loginAs(t.app, user);
  typeId = await submittedMonthlyReport(t.app, cookies);
});
afterAll(async () => {
  await queue.stop();
  await t.close();
});

/** Reads the job until it is finished, as the report's button does. */
const finished = (user: string, id: number) => finishedJob(t.app, cookies[user] ?? "", id);

describe("the consolidated report as a background job", () => {
  let docxJob: number;
  let refusedJob: number;

  it("asked twice while waiting (by the office, then its administrator) is one job, run once", async () => {
    const first = await ask("vpdp", "2024-M05");
    expect(first.statusCode, first.body).toBe(202);
    const queued = first.json<Job>();
    expect(queued).toMatchObject({
      kind: "consolidated_report",
      provinceCode: "P01",
      state: "queued",
      createdBy: "vpdp",
      input: {
        typeId,
        periodKey: "2024-M05",
        format: "docx",
        typeName: "Báo cáo tháng của UBND huyện",
        periodLabel: "Tháng 5/2024",
      },
    });
    docxJob = queued.id;
    expect((await ask("vpdp", "2024-M05")).json<Job>().id).toBe(queued.id);
    expect((await ask("admin", "2024-M05")).json<Job>().id).toBe(queued.id);
    expect(await jobCount()).toBe(1);
    // Another account asks for the annex, and is disabled before the job runs.
    refusedJob = (await ask("vpdp-moi", "2024-M05", "xlsx")).json<Job>().id;
    await t.database.db.execute(sql`update users set active = false where username = 'vpdp-moi'`);

    await queue.start();
    const job = await finished("vpdp", queued.id);
    expect(job).toMatchObject({
      state: "completed",
      attempts: 1,
      lastError: null,
      progress: { done: 2, total: 2 },
      result: { resultName: "bao-cao-tong-hop-2024-M05.docx", format: "docx" },
    });
    const file = await call("vpdp", "GET", `/api/jobs/${queued.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("wordprocessingml");
    expect(file.headers["content-disposition"]).toContain("bao-cao-tong-hop-2024-M05.docx");
    // The document the report's own address answers (one way of making it), in a file of its own.
    const direct = await call(
      "vpdp",
      "GET",
      `/api/reports/consolidated?type=${typeId}&period=2024-M05`,
    );
    const document = zipEntry(file.rawPayload, "word/document.xml");
    expect(document).toBe(zipEntry(direct.rawPayload, "word/document.xml"));
    expect(document).toContain("VĂN PHÒNG ĐIỀU PHỐI NÔNG THÔN MỚI TỈNH THỬ NGHIỆM");
    expect(document).toContain("Huyện Đăk Glei hoàn thành cứng hóa 5 km đường trục xã.");
    // The province administrator sees it on the jobs page.
    const listed = (await call("admin", "GET", "/api/jobs")).json<{ jobs: Job[] }>().jobs;
    expect(listed.map((row) => row.id)).toContain(queued.id);
  });

  it("fails at once, not retried, with its Vietnamese reason when its account was disabled", async () => {
    expect(await finished("admin", refusedJob)).toMatchObject({
      state: "failed",
      attempts: 1,
      lastError: "Tài khoản đã yêu cầu báo cáo bị khoá hoặc không còn: không lập báo cáo.",
      result: null,
    });
    expect((await call("admin", "GET", `/api/jobs/${refusedJob}/file`)).statusCode).toBe(404);
  });

  it("builds the Excel annex (asked again after a failure: a new job), which the administrator downloads", async () => {
    const queued = (await ask("vpdp", "2024-M05", "xlsx")).json<Job>();
    expect(queued.id).not.toBe(refusedJob);
    expect(await finished("vpdp", queued.id)).toMatchObject({
      state: "completed",
      result: { resultName: "bao-cao-tong-hop-2024-M05-phu-luc.xlsx" },
    });
    const file = await call("admin", "GET", `/api/jobs/${queued.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("spreadsheetml");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("Phụ lục")!;
    expect(sheet.getCell("B4").value).toBe("Huyện Đăk Glei");
    expect(sheet.getCell("C4").value).toBe("Đã nộp");
    expect(sheet.getCell("B5").value).toBe("Huyện Tu Mơ Rông");
    expect(sheet.getCell("C5").value).toBe("Chưa nộp");
  });

  it.each([
    ["a district office", "huyen"],
    ["a department", "so-nn"],
    ["a commune officer", "xa1"],
    ["a viewer", "xem"],
    ["another province's administrator", "admin2"],
    ["the national administrator", "quocgia"],
  ])("is not started, read or downloaded by %s (403), and records nothing", async (_who, user) => {
    const before = await jobCount();
    const started = await ask(user, "2024-M05");
    expect(started.statusCode).toBe(403);
    expect(started.json<{ error: { message: string } }>().error.message).toBeTruthy();
    expect(await jobCount()).toBe(before);
    expect((await call(user, "GET", `/api/jobs/${docxJob}`)).statusCode).toBe(403);
    expect((await call(user, "GET", `/api/jobs/${docxJob}/file`)).statusCode).toBe(403);
  });

  it("is refused without a session (401)", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/jobs/consolidated-report",
      payload: { type: typeId, period: "2024-M05" },
    });
    expect(response.statusCode).toBe(401);
  });

  it("refuses, in Vietnamese and recording nothing, a period that is no month or has no report", async () => {
    const before = await jobCount();
    const wrong = await ask("vpdp", "2024-Q9");
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json<{ error: { message: string } }>().error.message).toContain("không hợp lệ");
    const empty = await ask("vpdp", "2023-M05");
    expect(empty.statusCode).toBe(404);
    expect(empty.json<{ error: { message: string } }>().error.message).toContain(
      "Chưa có báo cáo nào",
    );
    expect(await jobCount()).toBe(before);
  });

  it("asked again once finished, is a new job: the figures may have changed since", async () => {
    const again = (await ask("vpdp", "2024-M05")).json<Job>();
    expect(again.id).not.toBe(docxJob);
    expect(await finished("vpdp", again.id)).toMatchObject({ state: "completed", attempts: 1 });
  });

  it("retried while the file store fails, then failed with the Vietnamese reason on the page", async () => {
    storageDown = true;
    try {
      const queued = (await ask("vpdp", "2024-M05", "xlsx")).json<Job>();
      const job = await finished("vpdp", queued.id);
      expect(job).toMatchObject({
        state: "failed",
        attempts: 5,
        lastError: "Không lưu được tệp báo cáo vào kho tệp: kho tệp không trả lời.",
      });
      const english = await t.app.inject({
        method: "GET",
        url: `/api/jobs/${queued.id}/file`,
        headers: { cookie: cookies.vpdp!, "accept-language": "en" },
      });
      expect(english.statusCode).toBe(404);
    } finally {
      storageDown = false;
    }
  });
});
