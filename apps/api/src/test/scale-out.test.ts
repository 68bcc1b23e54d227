import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createDatabase, queryRows, type Database } from "@ntm/db";
import type { Job, ScorecardResponse } from "@ntm/contracts";
import type { Role } from "@ntm/domain";
import { systemUser, type AuthUser } from "../features/auth/index.ts";
import { importCatalog } from "../features/catalog/catalog.service.ts";
import { importUnits } from "../features/units/units.service.ts";
import { createUser } from "../features/users/users.service.ts";
import { writeValuesBulk } from "../features/assessments/index.ts";
import { createReportType } from "../features/reports/create-report-type.ts";
import { setNotificationEmail } from "../features/dossiers/notification-email.service.ts";
import { fixtureSet } from "./fixture-set.ts";
import { fixedNow, testPassword } from "./test-app.ts";
import { startMailCatcher, type CaughtMail } from "./mail-catcher.ts";
import { startS3Server, type TestS3Server } from "./s3-server.ts";
import { freePort, startPostgres, type TestPostgres } from "./postgres-server.ts";
import { multipartBody, multipartContentType, tinyPdf } from "./multipart.ts";

/**
 * Two API processes (apps/api/src/main.ts) on one PostgreSQL database and one S3-compatible
 * store, as behind a load balancer: what one saves the other reads at once, files uploaded to
 * one download from the other, the login limit counts across both, a re-evaluation whose server
 * is killed finishes on the other with nothing lost or doubled, and the day's reminders go once.
 */

const repository = fileURLToPath(new URL("../../../../", import.meta.url));
const year = 2024;
/** Enough communes for a re-evaluation of many chunks (100 communes each). */
const communeCount = 3000;
const communeCode = (index: number) => `X${String(index).padStart(4, "0")}`;

const postgres = await startPostgres();
const unavailable = "unavailable" in postgres ? postgres.unavailable : undefined;
if (unavailable) console.warn(`scale-out test skipped: ${unavailable}`);

interface Server {
  name: string;
  url: string;
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

let database: Database;
let s3: TestS3Server;
let mail: Awaited<ReturnType<typeof startMailCatcher>>;
const received: CaughtMail[] = [];
const dataDirs: string[] = [];
const servers: Server[] = [];
let environment: Record<string, string>;

async function startServer(name: string): Promise<Server> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `ntm-scale-${name}-`));
  dataDirs.push(dataDir);
  const child = spawn(process.execPath, ["--import", "tsx", "apps/api/src/main.ts"], {
    cwd: repository,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? tmpdir(),
      ...environment,
      PORT: String(port),
      NTM_DATA_DIR: dataDir,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  const server = { name, url: `http://127.0.0.1:${port}`, child, output, exited };
  servers.push(server);
  let gone = false;
  void exited.then(() => (gone = true));
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (gone) throw new Error(`server ${name} stopped:\n${output.join("")}`);
    const ready = await fetch(`${server.url}/api/ready`).catch(() => undefined);
    if (ready?.status === 200) return server;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server ${name} not ready:\n${output.join("")}`);
}

async function stopServer(server: Server, signal: NodeJS.Signals) {
  server.child.kill(signal);
  await server.exited;
}

async function login(server: Server, username: string, password = testPassword) {
  return fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
}

async function sessionOn(server: Server, username: string): Promise<string> {
  const response = await login(server, username);
  if (response.status !== 200) throw new Error(`login ${username}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith("ntm_session="));
  return (cookie ?? "").split(";")[0] ?? "";
}

async function call(server: Server, cookie: string, path: string, init: RequestInit = {}) {
  return fetch(`${server.url}${path}`, {
    ...init,
    headers: { ...(init.headers as Record<string, string>), cookie },
  });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string) {
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`waited too long for ${what}`);
}

const jobRow = async (id: number) =>
  (
    await queryRows<{
      state: string;
      attempts: number;
      done: number;
      total: number | null;
      result: Record<string, number> | null;
    }>(
      database.db,
      sql`select state, attempts, progress_done as done, progress_total as total, result
        from background_jobs where id = ${id}`,
    )
  )[0];

/** The stored results of the year, one line per commune and criterion: what a run leaves. */
async function storedResults() {
  const results = await queryRows<{ unit: string; met: number; level: string | null }>(
    database.db,
    sql`select unit_code as unit, criteria_met as met, level from evaluation_results
      where year = ${year} order by unit_code`,
  );
  const criteria = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from evaluation_criteria where year = ${year}`,
  );
  return { results, criteria: criteria[0]?.n ?? 0 };
}

function accountUser(id: number, username: string, role: Role, unitCode: string): AuthUser {
  return {
    id,
    username,
    displayName: username,
    role,
    unitCode,
    departmentName: null,
    departmentCode: null,
    criteria: [],
    mustChangePassword: false,
  };
}

/** One province, one district of many communes with values, the accounts, a monthly report. */
async function seed(db: Database["db"]) {
  const unit = (code: string, level: string, parentCode?: string) => ({
    code,
    name: `Đơn vị ${code}`,
    level: level as "province",
    ...(parentCode ? { parentCode } : {}),
    validFrom: "2008-01-01",
    region: "TN",
    flags: [],
  });
  await importUnits(db, {
    user: systemUser,
    rows: [
      unit("P01", "province"),
      unit("D01", "district", "P01"),
      ...Array.from({ length: communeCount }, (_, i) => unit(communeCode(i + 1), "commune", "D01")),
    ],
  });
  await importCatalog(db, { document: fixtureSet(), by: systemUser, now: fixedNow });
  const ids: Record<string, number> = {};
  for (const [username, role, unitCode] of [
    ["admin", "province_admin", "P01"],
    ["vpdp", "coordination_office", "P01"],
    ["huyen", "district", "D01"],
    ["xa1", "commune_officer", communeCode(1)],
    ["xem", "viewer", "P01"],
  ] as [string, Role, string][]) {
    const created = await createUser(db, {
      input: { username, password: testPassword, role, unitCode },
      by: systemUser,
    });
    ids[username] = created.id;
  }
  await writeValuesBulk(db, {
    rows: Array.from({ length: communeCount }, (_, i) => [
      { unitCode: communeCode(i + 1), year, indicatorCode: "3.1", value: (i * 7) % 101 },
      { unitCode: communeCode(i + 1), year, indicatorCode: "10.1", value: (i * 13) % 101 },
    ]).flat(),
    by: systemUser,
    now: fixedNow,
    demo: false,
    source: "test",
  });
  await createReportType(db, {
    user: accountUser(ids.vpdp!, "vpdp", "coordination_office", "P01"),
    input: {
      code: "huyen-thang",
      name: "Báo cáo tháng của UBND huyện",
      cadence: "monthly",
      dueRule: { kind: "dayOfNextMonth", day: 15 },
      submitterLevel: "district",
    },
    now: new Date(),
  });
  await setNotificationEmail(db, {
    user: accountUser(ids.huyen!, "huyen", "district", "D01"),
    email: "huyen@example.vn",
  });
}

let a: Server;
let b: Server;

beforeAll(async () => {
  if (unavailable) return;
  const { url } = postgres as TestPostgres;
  database = await createDatabase({ url });
  await seed(database.db);
  s3 = await startS3Server();
  mail = await startMailCatcher(received);
  environment = {
    DATABASE_URL: url,
    ...s3.environment,
    NTM_SMTP_URL: mail.url,
    NTM_MAIL_INTERVAL_SECONDS: "1",
    NTM_DEMO: "0",
    LOG_LEVEL: "warn",
    NTM_WEB_DIST: join(repository, "no-web-app"),
    // A lost job is found within seconds here; a deployment keeps the defaults (docs/deploy.md).
    NTM_JOB_EXPIRE_SECONDS: "6",
    NTM_JOB_MAINTENANCE_SECONDS: "1",
    NTM_JOB_POLL_SECONDS: "1",
    NTM_JOB_RETRY_SECONDS: "1",
    // Reminders go out at any hour of the test.
    NTM_REMINDER_HOUR: "0",
  };
  [a, b] = await Promise.all([startServer("a"), startServer("b")]);
}, 300_000);

afterAll(async () => {
  for (const server of servers) {
    if (server.child.exitCode === null && server.child.signalCode === null) {
      await stopServer(server, "SIGKILL");
    }
  }
  await database?.close();
  await s3?.close();
  await mail?.close();
  if (!unavailable) await (postgres as TestPostgres).close();
  for (const directory of dataDirs) rmSync(directory, { recursive: true, force: true });
}, 120_000);

describe.skipIf(unavailable !== undefined)("two API servers on one database", () => {
  it("a value saved through A is in B's scorecard on the very next read", async () => {
    const cookieA = await sessionOn(a, "xa1");
    const cookieB = await sessionOn(b, "xa1");
    const path = `/api/units/${communeCode(1)}/scorecard?year=${year}`;
    const before = (await (await call(b, cookieB, path)).json()) as ScorecardResponse;
    const saved = await call(
      a,
      cookieA,
      `/api/units/${communeCode(1)}/assessments/${year}/values`,
      {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          version: before.assessment.version,
          values: [{ indicatorCode: "3.1", value: 87.5 }],
        }),
      },
    );
    expect(saved.status).toBe(200);
    const after = (await (await call(b, cookieB, path)).json()) as ScorecardResponse;
    expect(after.values["3.1"]).toBe(87.5);
    expect(after.assessment.version).toBe(before.assessment.version + 1);
  });

  it("evidence uploaded through A downloads through B, from the shared bucket", async () => {
    const cookieA = await sessionOn(a, "xa1");
    const cookieB = await sessionOn(b, "xa1");
    const uploaded = await call(
      a,
      cookieA,
      `/api/units/${communeCode(1)}/assessments/${year}/evidence`,
      {
        method: "POST",
        headers: { "content-type": multipartContentType },
        body: multipartBody(
          { indicatorCode: "3.1" },
          { name: "bien-ban.pdf", content: tinyPdf, type: "application/pdf" },
        ),
      },
    );
    expect(uploaded.status).toBe(201);
    const { id } = (await uploaded.json()) as { id: number };
    const downloaded = await call(b, cookieB, `/api/evidence/${id}`);
    expect(downloaded.status).toBe(200);
    expect(Buffer.from(await downloaded.arrayBuffer())).toEqual(tinyPdf);
    expect((await s3.keys()).length).toBeGreaterThan(0);
  });

  it("the login limit counts the failures made on both servers", async () => {
    // Five failures are free per account (three on A, two on B); the sixth must wait.
    for (const server of [a, a, a, b, b]) {
      expect((await login(server, "xem", "sai-mat-khau")).status).toBe(401);
    }
    const sixth = await login(b, "xem", "sai-mat-khau");
    expect(sixth.status).toBe(429);
    expect((await login(a, "xem")).status).toBe(429);
  });

  it("the day's reminders are one job, and each reminder is mailed once, not once per server", async () => {
    const jobs = await until(
      () =>
        queryRows<{ state: string }>(
          database.db,
          sql`select state from background_jobs where kind = 'reminder_mails'`,
        ),
      (rows) => rows.length > 0 && rows.every((row) => row.state === "completed"),
      "the reminder job",
    );
    expect(jobs).toHaveLength(1);
    const reminders = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from report_reminder_mails`,
    );
    const sentCount = reminders[0]?.n ?? 0;
    expect(sentCount).toBeGreaterThan(0);
    await until(
      () =>
        queryRows<{ n: number }>(
          database.db,
          sql`select count(*)::int as n from mail_outbox where state <> 'sent'`,
        ),
      (rows) => rows[0]?.n === 0,
      "the outbox",
    );
    expect(received).toHaveLength(sentCount);
    expect(received.every((message) => message.to.join() === "huyen@example.vn")).toBe(true);
  }, 120_000);

  it("a re-evaluation whose server is killed finishes on another, nothing lost or doubled", async () => {
    const admin = await sessionOn(a, "admin");
    const start = async () => {
      const response = await call(a, admin, "/api/jobs/re-evaluation", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ province: "P01", year }),
      });
      expect(response.status).toBe(202);
      return ((await response.json()) as Job).id;
    };
    // A run with nothing interrupted: what a single server stores.
    const single = await start();
    await until(
      () => jobRow(single),
      (row) => row?.state === "completed",
      "the first run",
    );
    const expected = await storedResults();
    expect(expected.results).toHaveLength(communeCount);
    await database.db.execute(sql`delete from evaluation_criteria where year = ${year}`);
    await database.db.execute(sql`delete from evaluation_results where year = ${year}`);

    // Only A runs jobs now; it is killed after its first chunks.
    await stopServer(b, "SIGTERM");
    const id = await start();
    await until(
      () => jobRow(id),
      (row) => (row?.done ?? 0) >= 1,
      "the first chunk on A",
    );
    await stopServer(a, "SIGKILL");
    const cut = await jobRow(id);
    expect(cut?.state).toBe("running");
    expect(cut?.done).toBeLessThan(cut?.total ?? 0);
    expect((await storedResults()).results.length).toBeLessThan(communeCount);

    const c = await startServer("c");
    const viewer = await sessionOn(c, "admin");
    const finished = await until(
      async () => (await (await call(c, viewer, `/api/jobs/${id}`)).json()) as Job,
      (job) => job.state === "completed" || job.state === "failed",
      "the job on the other server",
    );
    expect(finished).toMatchObject({ state: "completed", attempts: 2 });
    expect(Number(finished.result?.resumedFromChunk)).toBeGreaterThanOrEqual(1);
    expect(await storedResults()).toEqual(expected);
  }, 300_000);
});
