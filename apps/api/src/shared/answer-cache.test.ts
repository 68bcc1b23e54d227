import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { queryRows } from "@ntm/db";
import type { ScorecardResponse, SummaryResponse, TargetsDashboardResponse } from "@ntm/contracts";
import { targetsDashboardResponseSchema } from "@ntm/contracts";
import { buildServer } from "../http/build-server.ts";
import { countStatements } from "../test/count-statements.ts";
import { configuredServer, loginOn, TestClock } from "../test/configured-server.ts";
import { createTestApp, fixedNow, loginAs, type TestApp } from "../test/test-app.ts";
import type { AnswerEncoding } from "../http/compress-answers.ts";
import { AnswerCache } from "./answer-cache.ts";

let t: TestApp;
/** A second server on the same database, as behind a load balancer: its own answer cache. */
let other: FastifyInstance;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  other = await buildServer({ database: t.database, dataDir: t.dataDir, now: () => fixedNow });
  for (const user of ["admin", "huyen", "xa1", "xa3", "xem", "admin2", "so-nn"]) {
    cookies[user] = await loginAs(t.app, user);
  }
});
afterAll(async () => {
  await other.close();
  await t.close();
});

function get(user: string, url: string, headers: Record<string, string> = {}, app = t.app) {
  return app.inject({
    method: "GET",
    url,
    headers: { cookie: cookies[user] as string, ...headers },
  });
}

async function save(
  app: FastifyInstance,
  code: string,
  values: { indicatorCode: string; value: number | boolean }[],
) {
  const url = `/api/units/${code}/scorecard?year=2024`;
  const current = (await get("xa1", url, {}, app)).json<ScorecardResponse>();
  const saved = await app.inject({
    method: "PUT",
    url: `/api/units/${code}/assessments/2024/values`,
    headers: { cookie: cookies.xa1 as string },
    payload: { version: current.assessment.version, values },
  });
  expect(saved.statusCode, saved.body).toBe(200);
  return saved.json<ScorecardResponse>();
}

/** The SQL statements a request sends, besides transaction control. */
async function statementsOf(run: () => Promise<{ statusCode: number; body: string }>) {
  const counter = countStatements(t.database.db);
  try {
    const response = await run();
    expect(response.statusCode, response.body).toBeLessThan(400);
    return [...counter.statements];
  } finally {
    counter.stop();
  }
}

const scorecard = "/api/units/X01/scorecard?year=2024";
const summary = "/api/units/P01/summary?year=2024";
const dashboard = "/api/units/P01/dashboard?year=2024";

describe("a kept answer", () => {
  it("is served after one statement, the session's carrying the generation, the same bytes as a fresh one", async () => {
    await save(t.app, "X01", [
      { indicatorCode: "3.1", value: 90 },
      { indicatorCode: "3.2", value: true },
    ]);
    for (const user of ["admin", "so-nn"]) {
      for (const url of [scorecard, summary, dashboard]) {
        const fresh = await get(user, url);
        await get(user, url);
        const statements = await statementsOf(() => get(user, url));
        expect(statements, statements.join("\n---\n")).toHaveLength(1);
        expect(statements[0]).toMatch(/from "sessions"/);
        expect(statements[0]).toMatch(/ntm_answers\.changes/);
        const kept = await get(user, url);
        expect(kept.body).toBe(fresh.body);
        expect(kept.headers.etag).toBe(fresh.headers.etag);
        expect(kept.headers["content-type"]).toMatch(/^application\/json/);
      }
    }
  });

  it("is read again at once after a change, though the session's statement read the generation first", async () => {
    await get("admin", scorecard);
    const before = (await get("admin", scorecard)).json<ScorecardResponse>();
    await save(t.app, "X01", [{ indicatorCode: "3.1", value: 12 }]);
    const after = (await get("admin", scorecard)).json<ScorecardResponse>();
    expect(after.values["3.1"]).toBe(12);
    expect(after.assessment.version).toBe(before.assessment.version + 1);
  });

  it("is compressed once per encoding the client takes, and sent as it is to one that takes none", async () => {
    await get("admin", scorecard, { "accept-encoding": "gzip" });
    const gzip = await get("admin", scorecard, { "accept-encoding": "gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.headers.vary).toMatch(/Accept-Encoding/);
    const brotli = await get("admin", scorecard, { "accept-encoding": "br, gzip" });
    expect(brotli.headers["content-encoding"]).toBe("br");
    const plain = await get("admin", scorecard, { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.json<ScorecardResponse>().unitCode).toBe("X01");
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(plain.body);
  });
});

describe("the access check before a kept answer", () => {
  it("refuses a commune's kept scorecard to the officer of another commune, with or without its ETag", async () => {
    const kept = await get("huyen", "/api/units/X02/scorecard?year=2024");
    await get("huyen", "/api/units/X02/scorecard?year=2024");
    const refused = await get("xa1", "/api/units/X02/scorecard?year=2024", {
      "if-none-match": kept.headers.etag as string,
    });
    expect(refused.statusCode).toBe(403);
    expect((await get("xa3", "/api/units/X02/scorecard?year=2024")).statusCode).toBe(403);
  });

  it("refuses a province's kept summary and dashboard to a district and to another province", async () => {
    for (const url of [summary, dashboard]) {
      const kept = await get("admin", url);
      expect(kept.statusCode).toBe(200);
      for (const user of ["huyen", "admin2", "xa1"]) {
        const refused = await get(user, url, { "if-none-match": kept.headers.etag as string });
        expect(refused.statusCode, `${user} ${url}`).toBe(403);
        expect(refused.body).not.toContain("Xã Đăk Pék");
      }
    }
  });

  it("gives another role its own answer: a viewer never gets the district's editable scorecard", async () => {
    const district = await get("huyen", scorecard);
    expect(district.json<ScorecardResponse>().permissions.canEdit).toBe(true);
    const viewer = await get("xem", scorecard, {
      "if-none-match": district.headers.etag as string,
    });
    expect(viewer.statusCode).toBe(200);
    expect(viewer.json<ScorecardResponse>().permissions.canEdit).toBe(false);
    const department = await get("so-nn", scorecard);
    expect(department.json<ScorecardResponse>().permissions.editableCriteria).toEqual(["3"]);
    const english = await get("huyen", scorecard, { "accept-language": "en" });
    expect(english.headers.etag).not.toBe(district.headers.etag);
  });

  it("answers 401 at once when an administrator ends the reader's sessions or disables the account", async () => {
    const admin = (url: string) =>
      t.app.inject({ method: "POST", url, headers: { cookie: cookies.admin as string } });
    for (const revoke of ["end-sessions", "disable"]) {
      const cookie = await loginAs(t.app, "vpdp");
      const read = () => t.app.inject({ method: "GET", url: scorecard, headers: { cookie } });
      await read();
      expect((await read()).statusCode).toBe(200);
      expect((await admin(`/api/users/vpdp/${revoke}`)).statusCode, revoke).toBe(200);
      const after = await read();
      expect(after.statusCode, revoke).toBe(401);
      expect(after.body).not.toContain("X01");
    }
    expect((await admin("/api/users/vpdp/enable")).statusCode).toBe(200);
  });

  it("answers 401 once the session has been idle past its limit, though the answer is kept", async () => {
    const clock = new TestClock();
    const app = await configuredServer(t, { NTM_SESSION_IDLE_MINUTES: "5" }, clock);
    const cookie = await loginOn(app, "xem");
    const read = () => app.inject({ method: "GET", url: summary, headers: { cookie } });
    await read();
    clock.advanceMinutes(4);
    expect((await read()).statusCode).toBe(200);
    clock.advanceMinutes(5);
    expect((await read()).statusCode).toBe(401);
    await app.close();
  });

  it("answers 401 once the reader signed out, though the answer is kept", async () => {
    const cookie = await loginAs(t.app, "admin");
    const read = () => t.app.inject({ method: "GET", url: summary, headers: { cookie } });
    expect((await read()).statusCode).toBe(200);
    const logout = await t.app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie },
    });
    expect(logout.statusCode).toBeLessThan(300);
    const after = await read();
    expect(after.statusCode).toBe(401);
    expect(after.body).not.toContain("P01");
  });
});

describe("a change made elsewhere", () => {
  it("is read at once after a save through another server", async () => {
    await save(t.app, "X01", [
      { indicatorCode: "3.1", value: 90 },
      { indicatorCode: "3.2", value: true },
    ]);
    const read = async (url: string) => {
      await get("admin", url);
      const response = await get("admin", url);
      return { etag: response.headers.etag as string, response };
    };
    const before = await read(scorecard);
    const summaryBefore = await read(summary);
    const dashboardBefore = await read(dashboard);
    const met = before.response.json<ScorecardResponse>().criteriaMet;

    const saved = await save(other, "X01", [
      { indicatorCode: "3.1", value: 10 },
      { indicatorCode: "10.1", value: 61 },
    ]);
    expect(saved.criteriaMet).toBe(met - 1);

    const after = await get("admin", scorecard, { "if-none-match": before.etag });
    expect(after.statusCode).toBe(200);
    expect(after.json<ScorecardResponse>().values["10.1"]).toBe(61);
    expect(after.json<ScorecardResponse>().criteriaMet).toBe(met - 1);
    const summaryAfter = await get("admin", summary, { "if-none-match": summaryBefore.etag });
    expect(summaryAfter.statusCode).toBe(200);
    const row = summaryAfter.json<SummaryResponse>().units.find((unit) => unit.code === "X01");
    expect(row?.criteriaMet).toBe(met - 1);
    const dashboardAfter = await get("admin", dashboard, { "if-none-match": dashboardBefore.etag });
    expect(dashboardAfter.statusCode).toBe(200);
    const cell = dashboardAfter
      .json<TargetsDashboardResponse>()
      .heatmap.find((commune) => commune.code === "X01");
    expect(cell?.criteriaMet).toBe(met - 1);
  });

  it("is read at once after a write that no server made (an import on the command line)", async () => {
    await save(t.app, "X01", [{ indicatorCode: "3.1", value: 90 }]);
    await get("admin", summary);
    const kept = (await get("admin", summary)).json<SummaryResponse>();
    const row = kept.units.find((unit) => unit.code === "X01");
    expect(row).toBeDefined();
    await t.database.db.execute(
      sql`update evaluation_results set criteria_met = criteria_met + 1 where unit_code = 'X01' and year = 2024`,
    );
    const fresh = (await get("admin", summary)).json<SummaryResponse>();
    expect(fresh.units.find((unit) => unit.code === "X01")?.criteriaMet).toBe(
      (row?.criteriaMet ?? 0) + 1,
    );
    await t.database.db.execute(
      sql`update admin_units set name = 'Xã Đăk Pék Mới' where code = 'X01'`,
    );
    const renamed = (await get("admin", summary)).json<SummaryResponse>();
    expect(renamed.units.find((unit) => unit.code === "X01")?.name).toBe("Xã Đăk Pék Mới");
    const card = (await get("admin", scorecard)).json<ScorecardResponse>();
    expect(card.unit.name).toBe("Xã Đăk Pék Mới");
    await t.database.db.execute(sql`update admin_units set name = 'Xã Đăk Pék' where code = 'X01'`);
  });
});

describe("the dashboard's validator", () => {
  it("answers 304 to a current copy, private and asked again each time, with the schema's own shape", async () => {
    const first = await get("admin", dashboard);
    expect(first.statusCode).toBe(200);
    expect(first.headers["cache-control"]).toBe("private, no-cache");
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get("admin", dashboard, { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const body = first.json<TargetsDashboardResponse>();
    expect(targetsDashboardResponseSchema.parse(body)).toEqual(body);
  });
});

describe("the tables an answer is made of", () => {
  it("each notes its changes: every table a scorecard, summary or dashboard reads has the triggers", async () => {
    await save(t.app, "X01", [{ indicatorCode: "3.1", value: 91 }]);
    const read: string[] = [];
    for (const url of [scorecard, summary, dashboard]) {
      const elsewhere = url.replace("P01", "P02").replace("X01", "Y01");
      for (const statement of await statementsOf(() => get("admin2", elsewhere)))
        read.push(statement);
      for (const statement of await statementsOf(() => get("xem", url))) read.push(statement);
    }
    const tables = new Set<string>();
    for (const text of read) {
      for (const match of text.matchAll(/\b(?:from|join)\s+"?([a-z_]+)"?/gi))
        tables.add(match[1] as string);
    }
    const watched = await queryRows<{ table: string }>(
      t.database.db,
      sql`select distinct c.relname as "table" from pg_trigger g join pg_class c on c.oid = g.tgrelid
           where g.tgname like '%_answers_%'`,
    );
    const noted = new Set(watched.map((row) => row.table));
    // The session (read every request), the catalog (its own generation) and the notes themselves.
    const exempt = new Set([
      "sessions",
      "users",
      "departments",
      "department_criteria",
      "criteria_sets",
      "ntm_answers",
      "changes",
    ]);
    const known = await queryRows<{ table: string }>(
      t.database.db,
      sql`select tablename as "table" from pg_tables where schemaname = 'public'`,
    );
    const tablesOfSchema = new Set(known.map((row) => row.table));
    const unwatched = [...tables].filter(
      (table) => tablesOfSchema.has(table) && !noted.has(table) && !exempt.has(table),
    );
    expect(unwatched).toEqual([]);
    expect(noted.has("assessment_values")).toBe(true);
  });
});

describe("the first read of an answer many ask at once", () => {
  /** The statements that read a scorecard's data (its context), not the session or a generation. */
  const contextReads = (statements: string[]) =>
    statements.filter((text) => /from "?assessment_values"?/.test(text)).length;

  it("is read once for all of them, each served the same answer", async () => {
    await save(t.app, "X01", [{ indicatorCode: "3.1", value: 77 }]);
    const counter = countStatements(t.database.db);
    try {
      const answers = await Promise.all(Array.from({ length: 16 }, () => get("huyen", scorecard)));
      expect(answers.map((answer) => answer.statusCode)).toEqual(Array(16).fill(200));
      expect(new Set(answers.map((answer) => answer.body)).size).toBe(1);
      expect(answers[0]?.json<ScorecardResponse>().values["3.1"]).toBe(77);
      expect(contextReads(counter.statements)).toBe(1);
    } finally {
      counter.stop();
    }
  });

  it("is refused to each by its own check, and nothing is kept of a refusal", async () => {
    const url = "/api/units/X02/scorecard?year=2024";
    const counter = countStatements(t.database.db);
    try {
      const answers = await Promise.all(Array.from({ length: 4 }, () => get("xa1", url)));
      expect(answers.map((answer) => answer.statusCode)).toEqual([403, 403, 403, 403]);
      expect(answers[0]?.json<{ error: { code: string } }>().error.code).toBe("FORBIDDEN");
    } finally {
      counter.stop();
    }
    expect((await get("huyen", url)).statusCode).toBe(200);
  });
});

describe("the answer cache's size (NTM_ANSWER_CACHE_MB)", () => {
  it("keeps nothing at 0: every read reads the answer's data again", async () => {
    const app = await configuredServer(t, { NTM_ANSWER_CACHE_MB: "0" });
    const cookie = await loginOn(app, "admin");
    const read = () => app.inject({ method: "GET", url: scorecard, headers: { cookie } });
    await read();
    const again = await statementsOf(read);
    expect(again.length).toBeGreaterThan(1);
    await app.close();
  });
});

describe("the answer cache's bound", () => {
  const entry = (key: string, bytes: number) => ({
    key,
    etag: `"${key}"`,
    json: Buffer.alloc(bytes, 32),
    encoded: new Map<AnswerEncoding, Buffer>(),
    scopes: ["*"],
    generation: "1",
    check: () => undefined,
    bytes,
  });

  it("drops the least recently used answers once its bytes are passed", () => {
    const cache = new AnswerCache(t.database.db, 1000);
    cache.keep(entry("a", 400));
    cache.keep(entry("b", 400));
    cache.lookup("a");
    cache.keep(entry("c", 400));
    expect(cache.lookup("b")).toBeUndefined();
    expect(cache.lookup("a")?.key).toBe("a");
    expect(cache.lookup("c")?.key).toBe("c");
    expect(cache.bytes).toBe(800);
    cache.keep(entry("huge", 1001));
    expect(cache.lookup("huge")).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it("counts each compressed form it keeps", () => {
    const cache = new AnswerCache(t.database.db, 100_000);
    const kept = entry("a", 5000);
    cache.keep(kept);
    const gzip = cache.encodedAs(kept, "gzip");
    expect(cache.bytes).toBe(5000 + gzip.length);
    expect(cache.encodedAs(kept, "gzip")).toBe(gzip);
  });
});
