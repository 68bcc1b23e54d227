import { utimesSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { InjectOptions } from "fastify";
import { queryRows } from "@ntm/db";
import type { Job } from "@ntm/contracts";
import { createTestApp, fixedNow, loginAs, type TestApp } from "../../test/test-app.ts";
import { loadConfig } from "../../shared/config.ts";
import { createLocalStorage } from "../../shared/storage/index.ts";
import { createInProcessQueue, type InProcessQueue } from "./in-process-queue.ts";
import { jobHandlers } from "./job-handlers.ts";
import { silentLog, type JobHandlers } from "./job-queue.ts";
import { scheduleStorageSweep } from "./job-runtime.ts";
import { findJob, insertJob, markProgress, markRunning } from "./jobs.repository.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

async function writeValues(year: number, table: Record<string, Record<string, number>>) {
  for (const [unit, indicators] of Object.entries(table)) {
    await t.database.db.execute(
      sql`insert into assessments (unit_code, year, version, updated_by) values (${unit}, ${year}, 1, 'test')
        on conflict do nothing`,
    );
    for (const [indicator, value] of Object.entries(indicators)) {
      await t.database.db.execute(
        // The writer sets the province code of a value (the assessment's, set by the database).
        sql`insert into assessment_values (unit_code, year, indicator_code, num_value, updated_by,
            province_code)
          values (${unit}, ${year}, ${indicator}, ${value}, 'test',
            (select province_code from assessments where unit_code = ${unit} and year = ${year}))
          on conflict (year, unit_code, indicator_code) do update set num_value = excluded.num_value`,
      );
    }
  }
}

const resultsOf = (year: number) =>
  queryRows<{ unit: string; n: number }>(
    t.database.db,
    sql`select unit_code as unit, count(*)::int as n from evaluation_results where year = ${year}
      group by unit_code order by unit_code`,
  );

function call(username: string, request: InjectOptions) {
  return t.app.inject({
    ...request,
    headers: { ...request.headers, cookie: cookies[username] ?? "" },
  });
}

/** Reads the job until it is finished, as the jobs page does. */
async function finished(username: string, id: number): Promise<Job> {
  for (let attempt = 0; attempt < 500; attempt += 1) {
    const job = (await call(username, { method: "GET", url: `/api/jobs/${id}` })).json<Job>();
    if (job.state === "completed" || job.state === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`job ${id} did not finish`);
}

beforeAll(async () => {
  t = await createTestApp();
  for (const username of ["admin", "admin2", "vpdp", "xem", "huyen", "xa1", "quocgia"]) {
    cookies[username] = await loginAs(t.app, username);
  }
  await writeValues(2024, {
    X01: { "3.1": 85, "10.1": 44.9 },
    X02: { "3.1": 40, "10.1": 80 },
    X03: { "3.1": 99 },
    Y01: { "3.1": 100 },
  });
});
afterAll(() => t.close());

describe("re-evaluation of a province as a background job", () => {
  let id: number;

  it("is queued by the province administrator and stores every commune's result once", async () => {
    const response = await call("admin", {
      method: "POST",
      url: "/api/jobs/re-evaluation",
      payload: { province: "P01", year: 2024 },
    });
    expect(response.statusCode).toBe(202);
    const queued = response.json<Job>();
    expect(queued).toMatchObject({
      kind: "re_evaluation",
      provinceCode: "P01",
      createdBy: "admin",
    });
    id = queued.id;
    const job = await finished("admin", id);
    expect(job).toMatchObject({
      state: "completed",
      attempts: 1,
      lastError: null,
      progress: { done: 1, total: 1 },
      // X01, X02, X03 have values; the ward W01 is not assessed; Y01 is another province's.
      result: { year: 2024, communes: 3, evaluated: 3 },
    });
    expect(await resultsOf(2024)).toEqual([
      { unit: "X01", n: 1 },
      { unit: "X02", n: 1 },
      { unit: "X03", n: 1 },
    ]);
  });

  it("run again, rewrites the same rows: nothing doubled", async () => {
    const again = await call("admin", {
      method: "POST",
      url: "/api/jobs/re-evaluation",
      payload: { province: "P01", year: 2024 },
    });
    await finished("admin", again.json<Job>().id);
    expect((await resultsOf(2024)).map((row) => row.n)).toEqual([1, 1, 1]);
  });

  it("is listed for the province, newest first, with who asked", async () => {
    const response = await call("admin", { method: "GET", url: "/api/jobs" });
    expect(response.statusCode).toBe(200);
    const { jobs } = response.json<{ jobs: Job[] }>();
    expect(jobs.map((job) => job.kind)).toEqual(["re_evaluation", "re_evaluation"]);
    expect(jobs[1]?.id).toBe(id);
    expect(jobs.every((job) => job.provinceCode === "P01")).toBe(true);
  });

  it("is hidden from another province's administrator (404), whose own list is empty", async () => {
    expect((await call("admin2", { method: "GET", url: `/api/jobs/${id}` })).statusCode).toBe(404);
    const own = await call("admin2", { method: "GET", url: "/api/jobs" });
    expect(own.json<{ jobs: Job[] }>().jobs).toEqual([]);
    const other = await call("admin2", { method: "GET", url: "/api/jobs?province=P01" });
    expect(other.statusCode).toBe(403);
  });

  it.each(["vpdp", "xem", "huyen", "xa1"])(
    "is refused to %s, who is no administrator",
    async (user) => {
      const list = await call(user, { method: "GET", url: "/api/jobs?province=P01" });
      expect(list.statusCode).toBe(403);
      const start = await call(user, {
        method: "POST",
        url: "/api/jobs/re-evaluation",
        payload: { province: "P01", year: 2024 },
      });
      expect(start.statusCode).toBe(403);
      const read = await call(user, { method: "GET", url: `/api/jobs/${id}` });
      expect([403, 404]).toContain(read.statusCode);
    },
  );

  it("another province's administrator may not start one for P01", async () => {
    const response = await call("admin2", {
      method: "POST",
      url: "/api/jobs/re-evaluation",
      payload: { province: "P01", year: 2024 },
      headers: { "accept-language": "en" },
    });
    expect(response.statusCode).toBe(403);
  });

  it("refuses a unit that is not a province, in Vietnamese, and records nothing", async () => {
    const before = (await call("admin", { method: "GET", url: "/api/jobs" })).json<{
      jobs: Job[];
    }>().jobs.length;
    const response = await call("admin", {
      method: "POST",
      url: "/api/jobs/re-evaluation",
      payload: { province: "D01", year: 2024 },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { message: string } }>().error.message).toContain(
      "không phải là tỉnh",
    );
    const after = (await call("admin", { method: "GET", url: "/api/jobs" })).json<{
      jobs: Job[];
    }>().jobs.length;
    expect(after).toBe(before);
  });
});

describe("the in-process runner of the embedded database", () => {
  const now = () => fixedNow;

  /** Waits out the retries (no delay here) until the job is completed or failed. */
  async function settled(queue: InProcessQueue, id: number) {
    for (let attempt = 0; attempt < 500; attempt += 1) {
      await queue.idle();
      const row = await findJob(t.database.db, id);
      if (row?.state === "completed" || row?.state === "failed") return row;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`job ${id} did not settle`);
  }

  it("retries a failed job, then records it completed with the attempts it took", async () => {
    let calls = 0;
    const handlers: JobHandlers = {
      consolidated_report: async () => {
        calls += 1;
        if (calls === 1) throw new Error("Máy chủ thư tạm thời không trả lời.");
        return { calls };
      },
    };
    const queue = createInProcessQueue(t.database.db, handlers, {
      now,
      recoverInterrupted: false,
      retryDelaySeconds: 0,
    });
    await queue.start(undefined);
    const job = await queue.enqueue({
      kind: "consolidated_report",
      provinceCode: "P01",
      input: {},
      userId: null,
    });
    const row = await settled(queue, job.id);
    expect(row).toMatchObject({ state: "completed", attempts: 2, lastError: null });
    expect(calls).toBe(2);
    await queue.stop();
  });

  it("gives up after the last attempt and keeps the error for the page", async () => {
    const handlers: JobHandlers = {
      consolidated_report: async () => {
        throw new Error("Thiếu mẫu báo cáo.");
      },
    };
    const queue = createInProcessQueue(t.database.db, handlers, {
      now,
      recoverInterrupted: false,
      retryDelaySeconds: 0,
    });
    await queue.start(undefined);
    const job = await queue.enqueue({
      kind: "consolidated_report",
      provinceCode: "P01",
      input: {},
      userId: null,
    });
    expect(await settled(queue, job.id)).toMatchObject({
      state: "failed",
      attempts: 5,
      lastError: "Thiếu mẫu báo cáo.",
    });
    await queue.stop();
  });

  it("makes the same work asked twice (the day's reminders from two servers) one job", async () => {
    const first = createInProcessQueue(t.database.db, {}, { now, recoverInterrupted: false });
    const second = createInProcessQueue(t.database.db, {}, { now, recoverInterrupted: false });
    const request = {
      kind: "reminder_mails" as const,
      provinceCode: null,
      input: { date: "2024-06-15" },
      userId: null,
      dedupeKey: "reminder_mails:2024-06-15",
    };
    const [a, b] = await Promise.all([first.enqueue(request), second.enqueue(request)]);
    expect(a.id).toBe(b.id);
    const rows = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from background_jobs where dedupe_key = 'reminder_mails:2024-06-15'`,
    );
    expect(rows[0]?.n).toBe(1);
    await Promise.all([first.stop(), second.stop()]);
  });

  it("runs again, from its last chunk, a re-evaluation cut off by a stop", async () => {
    const db = t.database.db;
    await db.execute(sql`delete from evaluation_results where year = 2024`);
    // A run that recorded its first chunk and then lost its process.
    const { job } = await insertJob(db, {
      kind: "re_evaluation",
      provinceCode: "P01",
      input: { provinceCode: "P01", year: 2024 },
      createdBy: null,
      createdAt: fixedNow,
    });
    await markRunning(db, job.id, fixedNow, { takeOverRunning: false });
    await markProgress(db, job.id, { done: 0, total: 1 }, fixedNow);
    const queue = createInProcessQueue(
      db,
      jobHandlers(loadConfig({}), createLocalStorage(t.dataDir)),
      {
        now,
        recoverInterrupted: true,
      },
    );
    await queue.start(undefined);
    await queue.idle();
    expect(await findJob(db, job.id)).toMatchObject({
      state: "completed",
      attempts: 2,
      progressDone: 1,
      progressTotal: 1,
    });
    expect((await resultsOf(2024)).map((row) => row.unit)).toEqual(["X01", "X02", "X03"]);
    await queue.stop();
  });
});

describe("the daily sweep of stored files no row names", () => {
  it("is one job a day whichever servers ask, and removes the old unnamed file only", async () => {
    const storage = createLocalStorage(t.dataDir);
    const old = "evidence/X02/2024/left-by-a-crash.pdf";
    const fresh = "evidence/X02/2024/being-uploaded.pdf";
    for (const key of [old, fresh]) {
      await storage.put(key, Buffer.from("%PDF"), { contentType: "application/pdf" });
    }
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(join(t.dataDir, old), twoHoursAgo, twoHoursAgo);
    const realNow = () => new Date();
    const queue = createInProcessQueue(t.database.db, jobHandlers(loadConfig({}), storage), {
      now: realNow,
      recoverInterrupted: false,
    });
    await queue.start(undefined);
    const stops = [1, 2].map(() => scheduleStorageSweep(queue, { now: realNow, log: silentLog }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await queue.idle();
    stops.forEach((stop) => stop());
    const jobs = await queryRows<{ state: string; result: Record<string, unknown> }>(
      t.database.db,
      sql`select state, result from background_jobs where kind = 'storage_sweep'`,
    );
    expect(jobs).toEqual([
      { state: "completed", result: expect.objectContaining({ storage: "local", removed: 1 }) },
    ]);
    expect(await storage.exists(old)).toBe(false);
    expect(await storage.exists(fresh)).toBe(true);
    await queue.stop();
  });
});
