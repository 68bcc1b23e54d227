import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PlanResponse } from "@ntm/contracts";
import { createTestApp, loginAs, testPassword, type TestApp } from "../../test/test-app.ts";
import { systemUser } from "../auth/index.ts";
import { createUser } from "../users/index.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.database.db, {
    input: { username: "mttq1", password: testPassword, role: "fatherland_front", unitCode: "X01" },
    by: systemUser,
  });
  for (const user of ["admin", "vpdp", "so-nn", "huyen", "xa1", "xa3", "mttq1", "xem"])
    cookies[user] = await loginAs(t.app, user);
});
afterAll(() => t.close());

function plan(user: string) {
  return t.app.inject({
    method: "GET",
    url: "/api/units/X01/plans/2025",
    headers: { cookie: cookies[user] as string },
  });
}

describe("the can flags of a commune plan", () => {
  it.each([
    ["xa1", true],
    ["huyen", true],
    ["vpdp", true],
    ["admin", true],
    ["so-nn", false],
    ["mttq1", false],
    ["xem", false],
  ])("%s may edit X01's plan: %s", async (user, edit) => {
    const response = await plan(user);
    expect(response.statusCode).toBe(200);
    expect(response.json<PlanResponse>().can).toEqual({ edit });
  });

  it("shows another commune's officer no plan at all", async () => {
    expect((await plan("xa3")).statusCode).toBe(403);
  });
});
