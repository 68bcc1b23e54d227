import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Database } from "@ntm/db";
import type { Role } from "@ntm/domain";
import { buildServer } from "../http/build-server.ts";
import type { JobQueue } from "../features/jobs/index.ts";
import type { Config } from "../shared/config.ts";
import { systemUser } from "../features/auth/auth-user.ts";
import { importCatalog } from "../features/catalog/catalog.service.ts";
import { importUnits } from "../features/units/units.service.ts";
import { createUser } from "../features/users/users.service.ts";
import { insertDepartment } from "../features/users/users.repository.ts";
import { fixtureSet } from "./fixture-set.ts";
import { createTestDatabase } from "@ntm/db";

export const testPassword = "mat-khau-thu";
export const fixedNow = new Date("2024-06-15T08:00:00Z");

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  dataDir: string;
  close: () => Promise<void>;
}

/**
 * A server on a fresh database with a small hierarchy: province P01 (region TN) with district D01
 * (communes X01, X02) and district D02 (commune X03, especially disadvantaged), one ward W01 that
 * is not assessed, the fixture criteria set, and one account per role; a second province P02
 * (district D11 with commune Y01) with its own department and accounts, so that "another province"
 * is real in every test.
 */
export async function createTestApp(
  options: {
    now?: Date;
    config?: Config;
    webDist?: string;
    /** The job runner, which the test starts and stops; by default one started with the server. */
    jobs?: (database: Database, dataDir: string) => JobQueue;
  } = {},
): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(join(tmpdir(), "ntm-test-"));
  const db = database.db;
  await importUnits(db, {
    user: systemUser,
    rows: [
      {
        code: "P01",
        name: "Tỉnh Thử Nghiệm",
        level: "province",
        validFrom: "2008-01-01",
        region: "TN",
        flags: [],
      },
      {
        code: "D01",
        name: "Huyện Đăk Glei",
        level: "district",
        parentCode: "P01",
        validFrom: "2008-01-01",
        region: "TN",
        flags: [],
      },
      {
        code: "D02",
        name: "Huyện Tu Mơ Rông",
        level: "district",
        parentCode: "P01",
        validFrom: "2008-01-01",
        region: "TN",
        flags: [],
      },
      {
        code: "X01",
        name: "Xã Đăk Pék",
        level: "commune",
        parentCode: "D01",
        validFrom: "2008-01-01",
        region: "TN",
        flags: [],
      },
      {
        code: "X02",
        name: "Xã Đăk Choong",
        level: "commune",
        parentCode: "D01",
        validFrom: "2008-01-01",
        region: "TN",
        flags: [],
      },
      {
        code: "X03",
        name: "Xã Tê Xăng",
        level: "commune",
        parentCode: "D02",
        validFrom: "2008-01-01",
        region: "TN",
        flags: ["especiallyDisadvantaged"],
      },
      {
        code: "W01",
        name: "Thị trấn Đăk Glei",
        level: "commune",
        parentCode: "D01",
        validFrom: "2008-01-01",
        region: "TN",
        flags: [],
        assessed: false,
      },
      {
        code: "P02",
        name: "Tỉnh Bên Cạnh",
        level: "province",
        validFrom: "2008-01-01",
        region: "TN",
        flags: [],
      },
      {
        code: "D11",
        name: "Huyện Ia Grai",
        level: "district",
        parentCode: "P02",
        validFrom: "2008-01-01",
        region: "TN",
        flags: [],
      },
      {
        code: "Y01",
        name: "Xã Ia Chim",
        level: "commune",
        parentCode: "D11",
        validFrom: "2008-01-01",
        region: "TN",
        flags: [],
      },
    ],
  });
  await importCatalog(db, {
    document: fixtureSet(),
    by: systemUser,
    now: fixedNow,
  });
  await insertDepartment(db, {
    code: "so-nn",
    name: "Sở Nông nghiệp và Môi trường",
    provinceCode: "P01",
    criteria: ["test-commune:3"],
  });
  await insertDepartment(db, {
    code: "so-nn2",
    name: "Sở Nông nghiệp và Môi trường tỉnh Bên Cạnh",
    provinceCode: "P02",
    criteria: ["test-commune:3"],
  });
  const accounts: [string, Role, string, string?][] = [
    ["quocgia", "national_admin", "P01"],
    ["admin", "province_admin", "P01"],
    ["vpdp", "coordination_office", "P01"],
    ["so-nn", "department", "P01", "so-nn"],
    ["huyen", "district", "D01"],
    ["xa1", "commune_officer", "X01"],
    ["xa3", "commune_officer", "X03"],
    ["xem", "viewer", "P01"],
    ["admin2", "province_admin", "P02"],
    ["so-nn2", "department", "P02", "so-nn2"],
    ["xa21", "commune_officer", "Y01"],
  ];
  for (const [username, role, unitCode, departmentCode] of accounts) {
    await createUser(db, {
      input: {
        username,
        password: testPassword,
        role,
        unitCode,
        ...(departmentCode ? { departmentCode } : {}),
      },
      by: systemUser,
    });
  }
  const now = options.now ?? fixedNow;
  const app = await buildServer({
    database,
    dataDir,
    now: () => now,
    config: options.config,
    webDist: options.webDist,
    jobs: options.jobs?.(database, dataDir),
  });
  return {
    app,
    database,
    dataDir,
    close: async () => {
      await app.close();
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Logs in and returns the cookie header to send with later requests. */
export async function loginAs(app: FastifyInstance, username: string): Promise<string> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password: testPassword },
  });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.body}`);
  const cookie = response.cookies.find((candidate) => candidate.name === "ntm_session");
  return `ntm_session=${cookie?.value}`;
}
