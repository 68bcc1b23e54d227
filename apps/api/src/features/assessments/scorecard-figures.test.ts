import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  scorecardResponseSchema,
  summaryResponseSchema,
  type ScorecardResponse,
} from "@ntm/contracts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { evaluateUnit } from "./evaluation.service.ts";
import { figuresOfResult, type ScorecardFigures } from "./scorecard-figures.ts";

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp();
  cookie = await loginAs(t.app, "admin");
});
afterAll(() => t.close());

const figureKeys = [
  "classValue",
  "classLabel",
  "overrideRule",
  "criteriaMet",
  "criteriaTotal",
  "level",
  "nextLevel",
  "valuesEntered",
  "valuesExpected",
  "values",
  "outcomes",
] as const satisfies readonly (keyof ScorecardFigures)[];

function figuresOf(answer: ScorecardResponse): ScorecardFigures {
  return Object.fromEntries(
    figureKeys.flatMap((key) => (key in answer ? [[key, answer[key]]] : [])),
  ) as ScorecardFigures;
}

async function save(code: string, values: [string, number | boolean][]) {
  const response = await t.app.inject({
    method: "PUT",
    url: `/api/units/${code}/assessments/2024/values`,
    headers: { cookie },
    payload: {
      version: 0,
      values: values.map(([indicatorCode, value]) => ({ indicatorCode, value })),
    },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ScorecardResponse>();
}

async function read(code: string) {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/units/${code}/scorecard?year=2024`,
    headers: { cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ScorecardResponse>();
}

describe("a scorecard's figures and outcome letters", () => {
  it("are those of the reasoned engine, read from the compiled plan's statuses", async () => {
    // Met at the standard level but not the advanced one; a commune the override rule moves to
    // another region's thresholds (45 would be needed in its own); one not met and half entered.
    const saved = {
      X01: await save("X01", [
        ["3.1", 85],
        ["3.2", true],
        ["10.1", 50],
        ["10.2", 4],
      ]),
      X03: await save("X03", [
        ["3.1", 95],
        ["3.2", true],
        ["10.1", 42],
        ["10.2", 10],
      ]),
      X02: await save("X02", [
        ["3.1", 60],
        ["3.2", false],
        ["10.2", 12],
      ]),
    };
    const readBack: Record<string, ScorecardFigures> = {};
    for (const code of ["X01", "X02", "X03"]) {
      const answer = figuresOf(await read(code));
      const { result } = await evaluateUnit(t.database.db, { unitCode: code, year: 2024 });
      expect(answer, code).toEqual(figuresOfResult(result));
      readBack[code] = answer;
    }
    for (const [code, answer] of Object.entries(saved)) {
      expect(readBack[code], code).toEqual(figuresOf(answer));
    }
    // The sample holds what the comparison is about: every level reached or not, a rule, letters.
    expect(readBack.X01).toMatchObject({ level: "standard", nextLevel: "advanced" });
    expect(readBack.X03).toMatchObject({ classValue: "TDMNPB", overrideRule: { id: "R1" } });
    expect(readBack.X02).toMatchObject({ level: null, criteriaMet: 0, valuesEntered: 3 });
    const letters = Object.values(readBack)
      .flatMap((figures) => Object.values(figures.outcomes.indicators))
      .join("");
    for (const letter of ["m", "n", "v"]) expect(letters).toContain(letter);
  });
});

describe("the scorecard's and the summary's answers", () => {
  it("are exactly what their schemas take: nothing a schema would drop or change", async () => {
    // They are written without the schema's parse (plainJsonSerializer), so this is the check.
    for (const code of ["X01", "X03"]) {
      const answer = (await read(code)) as unknown;
      expect(scorecardResponseSchema.parse(answer), code).toEqual(answer);
    }
    for (const code of ["P01", "D01"]) {
      const response = await t.app.inject({
        method: "GET",
        url: `/api/units/${code}/summary?year=2024`,
        headers: { cookie },
      });
      expect(response.statusCode, response.body).toBe(200);
      const answer = response.json<unknown>();
      expect(summaryResponseSchema.parse(answer), code).toEqual(answer);
    }
  });
});
