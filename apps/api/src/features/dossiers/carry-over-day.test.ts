import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as carryOver from "../../test/carry-over.ts";
import { reevaluate } from "../assessments/index.ts";
import { findReassessedOn } from "./carry-over.repository.ts";

// X01, recognised in 2022, re-assessed on the 2026–2030 set on 15/9/2026, within the province's
// deadline of 30/9/2026. A maintenance re-evaluation in December rewrites the stored result; the
// day of the re-assessment stays the first one.
let t: carryOver.CarryOverApp;

beforeAll(async () => {
  t = await carryOver.createCarryOverApp();
  await carryOver.recognisedIn2022(t.database.db, ["X01"]);
  await carryOver.reassessIn2026(t.database.db, "X01", new Date("2026-09-15T03:00:00Z"));
  await t.setRule(carryOver.reassessBySeptember);
});
afterAll(() => t?.close());

async function carryOverOfX01() {
  return (await t.watch(2026)).communes.find((c) => c.unitCode === "X01")?.carryOver;
}

describe("the day a commune was re-assessed under the new set", () => {
  it("is the day of its first result, kept through a maintenance re-evaluation", async () => {
    expect(await carryOverOfX01()).toMatchObject({ status: "reassessed" });
    const now = carryOver.december2026;
    const run = await reevaluate(t.database.db, { years: [2026], unitCodes: ["X01"], now });
    expect(run.evaluated).toBe(1);
    expect((await findReassessedOn(t.database.db, ["X01"], 2026, 2030)).get("X01")).toBe(
      "2026-09-15",
    );
    expect(await carryOverOfX01()).toMatchObject({ status: "reassessed" });
  });
});
