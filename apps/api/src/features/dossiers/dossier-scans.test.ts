import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, loginAs, testPassword, type TestApp } from "../../test/test-app.ts";
import { multipart, tinyPdf } from "../../test/multipart.ts";
import { systemUser } from "../auth/index.ts";
import { createUser } from "../users/index.ts";

// Scans attached to a dossier's steps: only the role the regime names for a step, in scope.
let t: TestApp;
const cookies: Record<string, string> = {};
let dossierId = 0;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t.database.db, {
    input: { username: "mttq1", password: testPassword, role: "fatherland_front", unitCode: "X01" },
    by: systemUser,
  });
  const users = ["admin", "admin2", "vpdp", "so-nn", "huyen", "xa1", "xa3", "xem", "mttq1"];
  for (const user of users) cookies[user] = await loginAs(t.app, user);
  const batch = await t.app.inject({
    method: "POST",
    url: "/api/dossier-batches",
    headers: { cookie: cookies.vpdp as string },
    payload: { provinceCode: "P01", name: "Đợt 1", year: 2024, deadline: "2024-11-30" },
  });
  expect(batch.statusCode, batch.body).toBe(201);
  const dossier = await t.app.inject({
    method: "POST",
    url: "/api/dossiers",
    headers: { cookie: cookies.xa1 as string },
    payload: { unitCode: "X01", year: 2024, requestedLevel: "standard", batchId: batch.json().id },
  });
  expect(dossier.statusCode, dossier.body).toBe(201);
  dossierId = dossier.json().id;
});
afterAll(() => t.close());

function attach(user: string, stepCode: string) {
  const body = multipart({ stepCode }, { name: "ban-scan.pdf", content: tinyPdf });
  return t.app.inject({
    method: "POST",
    url: `/api/dossiers/${dossierId}/documents`,
    headers: { cookie: cookies[user] as string, "content-type": body.contentType },
    payload: body.payload,
  });
}

async function documents() {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/dossiers/${dossierId}`,
    headers: { cookie: cookies.vpdp as string },
  });
  expect(response.statusCode).toBe(200);
  return (response.json().documents as { stepCode: string; uploadedBy: string }[]).map(
    (document) => `${document.stepCode}:${document.uploadedBy}`,
  );
}

// The regime in force on the test day (15/6/2024) is the three-level one: the district verifies.
describe("attaching a scan to a dossier step", () => {
  it.each([
    ["the commune, a decision scan to its own dossier", "xa1", "decision", "Quản trị tỉnh"],
    ["the Front, a decision scan", "mttq1", "decision", "Quản trị tỉnh"],
    ["the Front, a verification report", "mttq1", "verification", "Cấp huyện"],
    ["a department, a verification report", "so-nn", "verification", "Cấp huyện"],
    [
      "the coordination office, the commune's self-assessment",
      "vpdp",
      "self_assessment",
      "Cán bộ xã",
    ],
  ])("refuses %s with 403", async (_label, user, step, actingRole) => {
    const response = await attach(user, step);
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe("FORBIDDEN");
    expect(response.json().error.message).toContain(`Chỉ ${actingRole} được đính kèm tệp`);
  });

  it("refuses a viewer with 403, whatever the step", async () => {
    for (const step of ["self_assessment", "no_such_step"]) {
      const response = await attach("xem", step);
      expect(response.statusCode).toBe(403);
      expect(response.json().error.message).toBe("Tài khoản chỉ có quyền xem.");
    }
  });

  it("refuses accounts that do not see the commune with 403", async () => {
    for (const user of ["xa3", "admin2"])
      expect((await attach(user, "decision")).statusCode).toBe(403);
  });

  it("stored nothing for any refusal", async () => {
    expect(await documents()).toEqual([]);
  });

  it.each([
    ["the commune", "xa1", "self_assessment"],
    ["the Front", "mttq1", "front_comments"],
    ["the Front", "mttq1", "satisfaction_survey"],
    ["the district", "huyen", "verification"],
    ["the coordination office", "vpdp", "appraisal"],
    ["the province admin", "admin", "decision"],
  ])("lets %s attach to its step %s", async (_label, user, step) => {
    const response = await attach(user, step);
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ stepCode: step, uploadedBy: user });
  });

  it("answers an unknown step with 400", async () => {
    expect((await attach("xa1", "no_such_step")).statusCode).toBe(400);
  });
});
