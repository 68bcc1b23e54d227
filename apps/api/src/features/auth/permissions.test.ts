import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { permissionActions, type CurrentUser, type PermissionAction } from "@ntm/contracts";
import { createTestApp, loginAs, testPassword, type TestApp } from "../../test/test-app.ts";
import { createUser } from "../users/index.ts";
import { systemUser } from "./index.ts";

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.database.db, {
    input: { username: "mttq1", password: testPassword, role: "fatherland_front", unitCode: "X01" },
    by: systemUser,
  });
});
afterAll(() => t.close());

const everyWrite = [...permissionActions];
const office: PermissionAction[] = [
  "assessment.write",
  "values.import",
  "obstacle.raise",
  "dossier.batch.create",
  "dossier.overdue.read",
  "merger.decide",
  "report_type.create",
  "report.period.open",
  "report.consolidate",
  "target.write",
  "plan.write",
  "feedback.read",
];
const valueWriter: PermissionAction[] = ["assessment.write", "values.import", "obstacle.raise"];

// What each account of the fixture may do in its own scope, as the access policy decides.
const expected: [string, PermissionAction[]][] = [
  ["admin", everyWrite],
  ["vpdp", office],
  ["so-nn", valueWriter],
  ["huyen", [...valueWriter, "dossier.overdue.read", "target.write", "plan.write"]],
  ["xa1", [...valueWriter, "plan.write", "feedback.read"]],
  ["mttq1", ["feedback.read"]],
  ["xem", []],
];

async function me(username: string) {
  const response = await t.app.inject({
    method: "GET",
    url: "/api/auth/me",
    headers: { cookie: await loginAs(t.app, username) },
  });
  expect(response.statusCode).toBe(200);
  return response.json<CurrentUser>();
}

describe("the permissions of GET /api/auth/me", () => {
  it.each(expected)(
    "%s may do exactly what the policy allows in its scope",
    async (user, allowed) => {
      const { permissions } = await me(user);
      const granted = permissionActions.filter((action) => permissions[action]);
      expect(granted).toEqual(permissionActions.filter((action) => allowed.includes(action)));
    },
  );

  it("answers every action a client asks about, with a boolean", async () => {
    const { permissions } = await me("xem");
    expect(Object.keys(permissions).sort()).toEqual([...permissionActions].sort());
    expect(Object.values(permissions).every((value) => value === false)).toBe(true);
  });

  it("gives the same permissions with the login answer", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "huyen", password: testPassword },
    });
    expect(response.json<CurrentUser>().permissions).toEqual((await me("huyen")).permissions);
  });

  it("scopes a province administrator's rights to its own province", async () => {
    const { permissions, unitCode } = await me("admin2");
    expect(unitCode).toBe("P02");
    expect(permissions["catalog.import"]).toBe(true);
    expect(permissions["user.create"]).toBe(true);
  });
});
