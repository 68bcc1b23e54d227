import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScorecardResponse, SummaryResponse } from "@ntm/contracts";
import { countStatements } from "../../test/count-statements.ts";
import { joinedScorecard } from "../../test/joined-scorecard.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "huyen", "xa1", "xem"]) cookies[user] = await loginAs(t.app, user);
});
afterAll(() => t.close());

function get(user: string, url: string, headers: Record<string, string> = {}) {
  return t.app.inject({
    method: "GET",
    url,
    headers: { cookie: cookies[user] as string, ...headers },
  });
}

function put(user: string, code: string, body: object) {
  return t.app.inject({
    method: "PUT",
    url: `/api/units/${code}/assessments/2024/values`,
    headers: { cookie: cookies[user] as string },
    payload: body,
  });
}

/** The session's own lookups (the session and its account), which every signed-in request runs. */
const sessionLookup = /from "(sessions|users|departments|department_criteria)"/;

/** Runs a request and returns the SQL statements it sent, besides transaction control. */
async function statementsOf(run: () => Promise<{ statusCode: number; body: string }>) {
  const counter = countStatements(t.database.db);
  try {
    const response = await run();
    expect(response.statusCode, response.body).toBeLessThan(300);
    const all = [...counter.statements];
    return { all, own: all.filter((sql) => !sessionLookup.test(sql)) };
  } finally {
    counter.stop();
  }
}

const scorecardUrl = "/api/units/X02/scorecard?year=2024";

describe("a scorecard read", () => {
  it("runs at most 3 SQL statements with the session's, and one of its own once the set is cached", async () => {
    const first = await statementsOf(() => get("xa1", "/api/units/X01/scorecard?year=2024"));
    // The first read after a catalog change also reads the versions and the set in force.
    expect(first.own.length, first.own.join("\n---\n")).toBeLessThanOrEqual(3);
    const warm = await statementsOf(() => get("huyen", scorecardUrl));
    expect(warm.all.length, warm.all.join("\n---\n")).toBeLessThanOrEqual(3);
    expect(warm.own).toHaveLength(1);
  });

  it("answers an unchanged scorecard with 304 and no body, and a changed one with a new ETag", async () => {
    const first = await get("huyen", scorecardUrl);
    expect(first.statusCode).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers["cache-control"]).toBe("private, no-cache");

    const again = await get("huyen", scorecardUrl, { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");

    const version = first.json<ScorecardResponse>().assessment.version;
    const saved = await put("huyen", "X02", {
      version,
      values: [{ indicatorCode: "10.1", value: 52 }],
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const after = await get("huyen", scorecardUrl, { "if-none-match": etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.json<ScorecardResponse>().values["10.1"]).toBe(52);
  });

  it("names the reader and the language in the ETag, so neither gets another's copy", async () => {
    const district = (await get("huyen", scorecardUrl)).headers.etag as string;
    const viewer = await get("xem", scorecardUrl, { "if-none-match": district });
    expect(viewer.statusCode).toBe(200);
    expect(viewer.json<ScorecardResponse>().permissions.canEdit).toBe(false);
    const english = await get("huyen", scorecardUrl, {
      "if-none-match": district,
      "accept-language": "en",
    });
    expect(english.statusCode).toBe(200);
    expect(english.headers.etag).not.toBe(district);
  });

  it("still refuses a reader outside the scope who sends a current ETag", async () => {
    const etag = (await get("huyen", scorecardUrl)).headers.etag as string;
    const outside = await get("xa1", scorecardUrl, { "if-none-match": etag });
    expect(outside.statusCode).toBe(403);
  });

  it("uses a set version imported after the set was cached", async () => {
    const before = (await get("huyen", scorecardUrl)).json<ScorecardResponse>();
    expect(before.set.code).toBe("test-commune");
    const basis = { document: "Quyết định thử nghiệm của tỉnh", date: "2024-01-10" };
    const imported = await t.app.inject({
      method: "POST",
      url: "/api/catalog/sets",
      headers: { cookie: cookies.admin as string },
      payload: {
        kind: "provincial-override",
        code: "test-commune-p01",
        version: 1,
        name: "Bộ tiêu chí thử nghiệm của tỉnh",
        provinceCode: "P01",
        basedOn: { code: "test-commune", version: 1 },
        basis,
        overrides: [
          {
            indicatorCode: "10.1",
            levels: ["standard"],
            thresholds: [{ level: "standard", value: 55, basis, status: "confirmed" }],
          },
        ],
      },
    });
    expect(imported.statusCode, imported.body).toBe(201);
    const answer = (await get("huyen", scorecardUrl)).json<ScorecardResponse>();
    expect(answer.set.code).toBe("test-commune-p01");
    expect(answer.set.id).not.toBe(before.set.id);
    const after = await joinedScorecard(t.app, cookies.huyen as string, answer);
    const income = after.criteria[1]?.indicators[0]?.byLevel.standard;
    expect(income?.threshold?.value).toBe(55);
    expect(income?.status).toBe("not_met");
    const summary = (
      await get("huyen", "/api/units/D01/summary?year=2024")
    ).json<SummaryResponse>();
    expect(summary.set?.code).toBe("test-commune-p01");
  });
});

describe("a value save", () => {
  it("reads its context once, writes in one statement and stores what the engine found", async () => {
    const current = (
      await get("xa1", "/api/units/X01/scorecard?year=2024")
    ).json<ScorecardResponse>();
    let answer: ScorecardResponse | undefined;
    const statements = await statementsOf(async () => {
      const response = await put("xa1", "X01", {
        version: current.assessment.version,
        values: [
          { indicatorCode: "3.1", value: 90 },
          { indicatorCode: "3.2", value: true },
        ],
      });
      answer = response.json<ScorecardResponse>();
      return response;
    });
    const reads = statements.own.filter((sql) => /admin_units/.test(sql));
    expect(reads, "the unit and its path are read once").toHaveLength(1);
    expect(statements.own.filter((sql) => /from "criteria_sets"/.test(sql))).toHaveLength(0);
    expect(statements.own.filter((sql) => /assessment_values/.test(sql))).toHaveLength(2);
    // the context, the lock, the writes, then the audit chain's four
    expect(statements.own.length, statements.own.join("\n---\n")).toBeLessThanOrEqual(7);
    expect(answer?.assessment.version).toBe(current.assessment.version + 1);
    const stored = (await get("huyen", "/api/units/D01/summary?year=2024")).json<SummaryResponse>();
    const row = stored.units.find((unit) => unit.code === "X01");
    expect(row?.criteriaMet).toBe(answer?.criteriaMet);
    expect(row?.level).toBe(answer?.level);
  });
});

describe("a summary read", () => {
  it("reads the subtree and results in few statements and answers 304 until a result changes", async () => {
    const url = "/api/units/P01/summary?year=2024";
    const statements = await statementsOf(() => get("admin", url));
    expect(statements.own.length, statements.own.join("\n---\n")).toBeLessThanOrEqual(3);
    expect(statements.own.filter((sql) => /from "criteria_sets"/.test(sql))).toHaveLength(0);
    const first = await get("admin", url);
    const etag = first.headers.etag as string;
    const again = await get("admin", url, { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    const x01 = (await get("xa1", "/api/units/X01/scorecard?year=2024")).json<ScorecardResponse>();
    const saved = await put("xa1", "X01", {
      version: x01.assessment.version,
      values: [{ indicatorCode: "3.1", value: 10 }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await get("admin", url, { "if-none-match": etag });
    expect(after.statusCode).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
  });
});

describe("a set version by id", () => {
  it("is kept for good under its id, named by a strong ETag, and 304 when asked again", async () => {
    const list = await get("xem", "/api/catalog/sets");
    const id = (list.json() as { sets: { id: number }[] }).sets[0]?.id as number;
    const first = await get("xem", `/api/catalog/sets/${id}`);
    expect(first.statusCode).toBe(200);
    expect(first.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get("xem", `/api/catalog/sets/${id}`, { "if-none-match": etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
  });
});
