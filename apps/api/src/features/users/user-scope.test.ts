import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, loginAs, testPassword, type TestApp } from "../../test/test-app.ts";
import { systemUser } from "../auth/index.ts";
import { createUser } from "./users.service.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  // A province admin scoped to a district: it manages that district, never the province above.
  await createUser(t.database.db, {
    input: {
      username: "admin-d01",
      password: testPassword,
      role: "province_admin",
      unitCode: "D01",
    },
    by: systemUser,
  });
  for (const user of ["admin", "admin2", "admin-d01", "vpdp", "xem"]) {
    cookies[user] = await loginAs(t.app, user);
  }
});
afterAll(() => t.close());

function create(user: string, input: Record<string, string>) {
  return t.app.inject({
    method: "POST",
    url: "/api/users",
    headers: { cookie: cookies[user] as string },
    payload: { password: "mat-khau-dai-hon-12", ...input },
  });
}

async function usernames(user: string) {
  const response = await t.app.inject({
    method: "GET",
    url: "/api/users",
    headers: { cookie: cookies[user] as string },
  });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().users as { username: string }[]).map((row) => row.username).sort();
}

const outOfScope = "Đơn vị này nằm ngoài phạm vi được giao cho tài khoản của bạn.";

describe("creating accounts: a province admin only inside its own province", () => {
  it.each([
    ["a commune officer of another province", { role: "commune_officer", unitCode: "Y01" }],
    ["a province admin of another province", { role: "province_admin", unitCode: "P02" }],
    ["a viewer of another province's district", { role: "viewer", unitCode: "D11" }],
  ])("refuses %s with 403 and creates nothing", async (_label, input) => {
    const username = `ngoai-${input.role}-${input.unitCode}`.toLowerCase();
    const response = await create("admin", { username, ...input });
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toEqual({ code: "FORBIDDEN", message: outOfScope });
    expect(await usernames("admin2")).not.toContain(username);
    const login = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username, password: "mat-khau-dai-hon-12" },
    });
    expect(login.statusCode).toBe(401);
  });

  it("refuses an admin scoped to a district an account at the province above it", async () => {
    const response = await create("admin-d01", {
      username: "tinh-tu-huyen",
      role: "viewer",
      unitCode: "P01",
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe(outOfScope);
  });

  it("refuses a department account tied to another province's department with 400", async () => {
    const response = await create("admin", {
      username: "so-muon",
      role: "department",
      unitCode: "P01",
      departmentCode: "so-nn2",
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe("Sở, ngành so-nn2 không thuộc tỉnh của đơn vị P01.");
  });

  it("refuses a non-admin with 403 before looking at the unit", async () => {
    const response = await create("vpdp", {
      username: "khong-duoc",
      role: "viewer",
      unitCode: "X99",
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe("Chỉ quản trị tỉnh được quản lý tài khoản.");
  });

  it("creates accounts inside the province, including another province admin there", async () => {
    for (const [username, role, unitCode] of [
      ["xa2-moi", "commune_officer", "X02"],
      ["admin-phu", "province_admin", "P01"],
    ] as const) {
      const response = await create("admin", { username, role, unitCode });
      expect(response.statusCode, response.body).toBe(201);
      expect(response.json()).toMatchObject({ username, role, unitCode });
    }
    const below = await create("admin-d01", {
      username: "xa1-phu",
      role: "viewer",
      unitCode: "X01",
    });
    expect(below.statusCode, below.body).toBe(201);
  });
});

describe("listing accounts: only those a province admin manages", () => {
  it("shows each province admin the accounts of its own province only", async () => {
    const own = await usernames("admin");
    expect(own).toEqual(
      expect.arrayContaining(["admin", "admin-d01", "huyen", "so-nn", "vpdp", "xa1", "xem"]),
    );
    for (const other of ["admin2", "so-nn2", "xa21"]) expect(own).not.toContain(other);
    expect(await usernames("admin2")).toEqual(["admin2", "so-nn2", "xa21"]);
  });

  it("shows an admin scoped to a district the accounts of that district only", async () => {
    expect(await usernames("admin-d01")).toEqual([
      "admin-d01",
      "huyen",
      "xa1",
      "xa1-phu",
      "xa2-moi",
    ]);
  });

  it("refuses the list to a viewer with 403", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/users",
      headers: { cookie: cookies.xem as string },
    });
    expect(response.statusCode).toBe(403);
  });
});
