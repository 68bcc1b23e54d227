import type { CurrentUser } from "@ntm/contracts";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fetchSummary } from "../features/overview/overview-api.ts";
import { defaultBelow } from "../features/overview/overview-defaults.ts";
import { fetchScorecard } from "../features/scorecard/scorecard-api.ts";
import { fetchDashboard, fetchMap } from "../features/targets/targets-api.ts";
import { fetchMyTasks } from "../features/tasks/tasks-api.ts";
import { fetchUnitDetail } from "../features/units/units-api.ts";
import { asOfForYear } from "../lib/year-context.tsx";
import { planRoute } from "./route-prefetch.ts";

type Hint = Pick<CurrentUser, "unitCode" | "unitLevel" | "role">;
const officer: Hint = { unitCode: "23344", unitLevel: "commune", role: "commune_officer" };
const office: Hint = { unitCode: "62", unitLevel: "province", role: "coordination_office" };
const department: Hint = { unitCode: "62", unitLevel: "province", role: "department" };

let urls: string[];
beforeEach(() => {
  urls = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string) => {
      urls.push(url);
      return new Response("null", { status: 200 });
    }),
  );
});
afterEach(() => vi.unstubAllGlobals());

/** The URLs the pages' own fetchers request (their answers are not needed here). */
async function requested(...reads: (() => Promise<unknown>)[]): Promise<string[]> {
  for (const read of reads) await read().catch(() => undefined);
  return urls;
}

describe("the first page's requests, started with its code", () => {
  it("are the home page's own requests at /", async () => {
    const plan = planRoute("/", officer, 2024);
    expect(plan.code).toHaveLength(1);
    expect(plan.answers).toEqual(await requested(() => fetchMyTasks()));
  });

  it("are the scorecard's own requests for an officer's commune", async () => {
    const plan = planRoute("/units/23344", officer, 2024);
    expect(plan.code).toHaveLength(1);
    expect(plan.answers).toEqual(
      await requested(
        () => fetchUnitDetail("23344", asOfForYear(2024)),
        () => fetchScorecard("23344", 2024),
      ),
    );
  });

  it("are the overview's own requests for a province office", async () => {
    const plan = planRoute("/units/62", office, 2023);
    expect(plan.answers).toEqual(
      await requested(
        () => fetchUnitDetail("62", asOfForYear(2023)),
        () => fetchSummary("62", 2023, defaultBelow),
      ),
    );
  });

  it("are only the unit's detail for another unit, whose level is not known yet", async () => {
    const plan = planRoute("/units/23347", office, 2024);
    expect(plan.code).toEqual([]);
    expect(plan.answers).toEqual(
      await requested(() => fetchUnitDetail("23347", asOfForYear(2024))),
    );
  });

  it("are the dashboard's and the map's own requests, for /targets too", async () => {
    const expected = await requested(
      () => fetchDashboard("62", 2024),
      () => fetchMap("62", 2024, "communes"),
    );
    expect(planRoute("/targets/62", office, 2024).answers).toEqual(expected);
    expect(planRoute("/targets", office, 2024).answers).toEqual(expected);
    expect(planRoute("/targets", office, 2024).code).toHaveLength(1);
  });

  it("name the answer each page's headline is drawn from before its code", () => {
    expect(planRoute("/units/23344", officer, 2024).headline).toEqual({
      page: "scorecard",
      path: "/api/units/23344/scorecard?year=2024",
    });
    expect(planRoute("/units/62", office, 2024).headline).toEqual({
      page: "overview",
      path: `/api/units/62/summary?year=2024&below=${defaultBelow}`,
      detail: `/api/units/62?asOf=${asOfForYear(2024)}`,
    });
    expect(planRoute("/targets/62", office, 2024).headline).toEqual({
      page: "targets",
      path: "/api/units/62/dashboard?year=2024",
    });
    // /targets sends the user on to their unit's dashboard, which draws it; another unit's page
    // is a scorecard or an overview, unknown before its answer.
    expect(planRoute("/targets", office, 2024).headline).toBeUndefined();
    expect(planRoute("/units/23347", office, 2024).headline).toBeUndefined();
  });

  it("are none for a department, whose /targets opens its own view", () => {
    expect(planRoute("/targets", department, 2024)).toEqual({ code: [], answers: [] });
  });
});
