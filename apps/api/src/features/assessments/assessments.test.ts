import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ScorecardResponse } from "@ntm/contracts";
import { joinedScorecard } from "../../test/joined-scorecard.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "so-nn", "huyen", "xa1", "xa3", "xem"]) {
    cookies[user] = await loginAs(t.app, user);
  }
});
afterAll(() => t.close());

async function scorecard(user: string, code: string, year = 2024) {
  return t.app.inject({
    method: "GET",
    url: `/api/units/${code}/scorecard?year=${year}`,
    headers: { cookie: cookies[user] as string },
  });
}

async function put(user: string, code: string, body: object, year = 2024) {
  return t.app.inject({
    method: "PUT",
    url: `/api/units/${code}/assessments/${year}/values`,
    headers: { cookie: cookies[user] as string },
    payload: body,
  });
}

describe("scorecard and values", () => {
  it("shows an empty assessment as 0 criteria met with every indicator missing", async () => {
    const response = await scorecard("xa1", "X01");
    expect(response.statusCode).toBe(200);
    const body = response.json<ScorecardResponse>();
    expect(body.criteriaMet).toBe(0);
    expect(body.criteriaTotal).toBe(2);
    expect(body.level).toBeNull();
    expect(body.assessment.version).toBe(0);
    expect(body.values).toEqual({});
    expect(body.outcomes.indicators["3.1"]).toBe("vv");
    const joined = await joinedScorecard(t.app, cookies.xa1 as string, body);
    expect(joined.criteria[0]?.indicators[0]?.byLevel.standard?.status).toBe("missing");
    expect(joined.criteria[0]?.indicators[0]?.byLevel.standard?.reason.text).toMatch(
      /^Chưa có số liệu/,
    );
    expect(body.permissions.canEdit).toBe(true);
  });

  it("saves values, re-evaluates at once and bumps the version", async () => {
    const response = await put("xa1", "X01", {
      version: 0,
      values: [
        { indicatorCode: "3.1", value: 85 },
        { indicatorCode: "3.2", value: true, note: "Biên bản kiểm tra 2024" },
        { indicatorCode: "10.1", value: 44.9 },
        { indicatorCode: "10.2", value: 3 },
      ],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<ScorecardResponse>();
    expect(body.assessment.version).toBe(1);
    expect(body.criteriaMet).toBe(1);
    const joined = await joinedScorecard(t.app, cookies.xa1 as string, body);
    const income = joined.criteria[1]?.indicators[0];
    expect(income?.byLevel.standard?.status).toBe("not_met");
    expect(income?.byLevel.standard?.threshold?.value).toBe(45);
    expect(body.entries["3.2"]?.note).toBe("Biên bản kiểm tra 2024");
  });

  it("flips the income criterion when the value crosses the threshold, and the district summary follows", async () => {
    const response = await put("xa1", "X01", {
      version: 1,
      values: [{ indicatorCode: "10.1", value: 45 }],
    });
    expect(response.statusCode).toBe(200);
    const body = response.json<ScorecardResponse>();
    expect(body.criteriaMet).toBe(2);
    expect(body.level).toBe("standard");
    const summary = await t.app.inject({
      method: "GET",
      url: "/api/units/D01/summary?year=2024",
      headers: { cookie: cookies.huyen as string },
    });
    expect(summary.statusCode).toBe(200);
    const sum = summary.json();
    expect(sum.communes).toBe(2);
    expect(sum.evaluated).toBe(1);
    expect(sum.byLevel.find((row: { level: string }) => row.level === "standard").count).toBe(1);
    expect(sum.averageCriteriaMet).toBe(2);
  });

  it("sends the scorecard compressed to clients that accept gzip", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/units/X01/scorecard?year=2024",
      headers: { cookie: cookies.xa1 as string, "accept-encoding": "gzip" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-encoding"]).toBe("gzip");
  });

  it("refuses a stale version with 409 and changes nothing", async () => {
    const response = await put("xa1", "X01", {
      version: 1,
      values: [{ indicatorCode: "10.1", value: 10 }],
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe("VERSION_CONFLICT");
    expect(response.json().error.message).toMatch(/người khác/);
    const after = (await scorecard("xa1", "X01")).json<ScorecardResponse>();
    expect(after.values["10.1"]).toBe(45);
    expect(after.assessment.version).toBe(2);
  });

  it.each([
    ["a percentage above 100", { indicatorCode: "3.1", value: 120 }, /0 đến 100/],
    ["a negative percentage", { indicatorCode: "3.1", value: -1 }, /0 đến 100/],
    ["a fractional count", { indicatorCode: "10.2", value: 2.5 }, /số nguyên/],
    ["a negative number", { indicatorCode: "10.1", value: -3 }, /số âm/],
    ["a number for a yes/no indicator", { indicatorCode: "3.2", value: 1 }, /Có hoặc Không/],
    ["a yes/no for a number indicator", { indicatorCode: "10.1", value: true }, /một số/],
    ["an unknown indicator", { indicatorCode: "99.9", value: 1 }, /Không có chỉ tiêu/],
  ])("refuses %s with 400 in Vietnamese and writes nothing", async (_label, item, message) => {
    const response = await put("xa1", "X01", {
      version: 2,
      values: [{ indicatorCode: "3.1", value: 50 }, item],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("VALIDATION_FAILED");
    expect(JSON.stringify(response.json().error.details)).toMatch(message);
    const after = (await scorecard("xa1", "X01")).json<ScorecardResponse>();
    expect(after.values["3.1"]).toBe(85);
    expect(after.assessment.version).toBe(2);
  });

  it("refuses a malformed body (no version) with 400", async () => {
    const response = await put("xa1", "X01", { values: [{ indicatorCode: "3.1", value: 50 }] });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("answers in English when asked", async () => {
    const response = await t.app.inject({
      method: "PUT",
      url: "/api/units/X01/assessments/2024/values",
      headers: { cookie: cookies.xa1 as string, "accept-language": "en-US" },
      payload: { version: 0, values: [{ indicatorCode: "3.1", value: 50 }] },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toMatch(/changed by someone else/);
  });

  it("records every change in the history with old and new values", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/units/X01/assessments/2024/history?indicator=10.1",
      headers: { cookie: cookies.xa1 as string },
    });
    expect(response.statusCode).toBe(200);
    const entries = response.json().entries;
    expect(entries).toHaveLength(2);
    expect(entries[0].oldValue.value).toBe(44.9);
    expect(entries[0].newValue.value).toBe(45);
    expect(entries[0].username).toBe("xa1");
  });

  it("uses the TDMNPB threshold for an especially disadvantaged commune", async () => {
    const response = await put("xa3", "X03", {
      version: 0,
      values: [{ indicatorCode: "10.1", value: 41 }],
    });
    expect(response.statusCode).toBe(200);
    const answer = response.json<ScorecardResponse>();
    expect(answer.overrideRule?.id).toBe("R1");
    const income = (await joinedScorecard(t.app, cookies.xa3 as string, answer)).criteria[1]
      ?.indicators[0];
    expect(income?.byLevel.standard?.status).toBe("met");
    expect(income?.byLevel.standard?.threshold?.value).toBe(40);
    expect(income?.byLevel.standard?.threshold?.overrideRule).toBe("R1");
  });
});

describe("access", () => {
  it("denies a commune officer another commune's scorecard and values", async () => {
    expect((await scorecard("xa1", "X02")).statusCode).toBe(403);
    const write = await put("xa1", "X03", {
      version: 1,
      values: [{ indicatorCode: "10.1", value: 99 }],
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.message).toMatch(/ngoài phạm vi/);
  });

  it("lets a district read and write only its own communes", async () => {
    expect((await scorecard("huyen", "X02")).statusCode).toBe(200);
    expect((await scorecard("huyen", "X03")).statusCode).toBe(403);
  });

  it("lets a viewer read but not write", async () => {
    expect((await scorecard("xem", "X01")).statusCode).toBe(200);
    const write = await put("xem", "X01", {
      version: 2,
      values: [{ indicatorCode: "3.1", value: 81 }],
    });
    expect(write.statusCode).toBe(403);
  });

  it("lets a department write its own criteria everywhere in the province, and no other", async () => {
    const card = (await scorecard("so-nn", "X03")).json<ScorecardResponse>();
    expect(card.permissions.editableCriteria).toEqual(["3"]);
    const own = await put("so-nn", "X03", {
      version: card.assessment.version,
      values: [{ indicatorCode: "3.1", value: 90 }],
    });
    expect(own.statusCode).toBe(200);
    const other = await put("so-nn", "X03", {
      version: own.json<ScorecardResponse>().assessment.version,
      values: [{ indicatorCode: "10.1", value: 50 }],
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toMatch(/không thuộc sở/);
  });

  it("requires a session", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/units/X01/scorecard?year=2024",
    });
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe("UNAUTHENTICATED");
  });

  it("refuses the scorecard of a ward that is not assessed", async () => {
    const response = await scorecard("admin", "W01");
    expect(response.statusCode).toBe(400);
  });
});
