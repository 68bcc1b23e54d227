import { readFileSync } from "node:fs";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import type { Actor, RegimeConfig, Role, UnitResource } from "@ntm/domain";
import { systemUser } from "../../features/auth/index.ts";
import { uploadEvidence } from "../../features/evidence/evidence.service.ts";
import { createUser } from "../../features/users/index.ts";
import { findUserByUsername } from "../../features/users/users.repository.ts";
import { findSubmissions } from "../../features/reports/reports.repository.ts";
import { createLocalStorage } from "../../shared/storage/index.ts";
import { multipart, tinyPdf } from "../multipart.ts";
import { createTestApp, loginAs, testPassword, type TestApp } from "../test-app.ts";

/**
 * The accounts the matrix asks with: one per role, each of which sees commune X01 of province
 * P01. Province P02 (district D11, commune Y01) is outside every one of them.
 */
export const accountOf: Record<Role, string> = {
  national_admin: "quocgia",
  province_admin: "admin",
  coordination_office: "vpdp",
  department: "so-nn",
  district: "huyen",
  commune_officer: "xa1",
  fatherland_front: "mttq1",
  viewer: "xem",
};

/** The unit each account is scoped to. */
export const scopeUnitOf: Record<Role, string> = {
  national_admin: "P01",
  province_admin: "P01",
  coordination_office: "P01",
  department: "P01",
  district: "D01",
  commune_officer: "X01",
  fatherland_front: "X01",
  viewer: "P01",
};

/** Units as the policy sees them: the code and the codes above it. */
export const units: Record<string, UnitResource> = Object.fromEntries(
  [
    ["P01"],
    ["D01", "P01"],
    ["X01", "D01", "P01"],
    ["P02"],
    ["D11", "P02"],
    ["Y01", "D11", "P02"],
  ].map((path) => [path[0] as string, { unitCode: path[0] as string, path }]),
);

export const setCode = "test-commune";
export const year = 2024;
/** The regime file in force on the test day (15/6/2024): the district verifies. */
export const regimeFile = JSON.parse(
  readFileSync(new URL("../../../../../data/regimes/qd18-2022-3cap.json", import.meta.url), "utf8"),
) as Omit<RegimeConfig, "version">;
export const regime: RegimeConfig = { ...regimeFile, version: 1 };

/** One side of the matrix: the unit inside every account's scope, and one outside all of them. */
export interface Side {
  commune: string;
  district: string;
  province: string;
  batchId: number;
  dossierId: number;
  evidenceId: number;
  reportTypeId: number;
  /** The district's report of May 2024. */
  reportId: number;
  departmentId: number;
}

export interface World {
  t: TestApp;
  cookies: Record<string, string>;
  actors: Record<Role, Actor>;
  inside: Side;
  outside: Side;
  /** A name never used before in this run. */
  fresh: (prefix: string) => string;
  call: (username: string, options: InjectOptions) => Promise<LightMyRequestResponse>;
}

async function expectStatus(response: LightMyRequestResponse, status: number) {
  if (response.statusCode !== status) {
    throw new Error(`setup: ${response.statusCode} ${response.body}`);
  }
  return response.json();
}

/** Builds the test world once: fixtures on both sides, one session per account. */
export async function buildWorld(): Promise<World> {
  const t = await createTestApp();
  const db = t.database.db;
  for (const [username, unitCode] of [
    ["mttq1", "X01"],
    ["mttq21", "Y01"],
  ] as const) {
    await createUser(db, {
      input: { username, password: testPassword, role: "fatherland_front", unitCode },
      by: systemUser,
    });
  }
  const cookies: Record<string, string> = {};
  for (const username of [...Object.values(accountOf), "admin2", "xa21"]) {
    cookies[username] = await loginAs(t.app, username);
  }
  const call = (username: string, options: InjectOptions) =>
    t.app.inject({
      ...options,
      headers: { ...options.headers, cookie: cookies[username] as string },
    });
  let counter = 0;
  const fresh = (prefix: string) => `${prefix}-${(counter += 1)}`;

  const actors = {} as Record<Role, Actor>;
  for (const [role, username] of Object.entries(accountOf) as [Role, string][]) {
    const account = await findUserByUsername(db, username);
    actors[role] = {
      role,
      unitCode: scopeUnitOf[role],
      userId: account?.id as number,
      ...(role === "department"
        ? { criteria: [`${setCode}:3`], departmentCode: "so-nn" }
        : { criteria: [] }),
    };
  }

  async function side(
    names: { commune: string; district: string; province: string },
    office: string,
    commune: string,
    department: string,
  ): Promise<Side> {
    const batch = await expectStatus(
      await call(office, {
        method: "POST",
        url: "/api/dossier-batches",
        payload: { provinceCode: names.province, name: "Đợt 1", year, deadline: "2024-11-30" },
      }),
      201,
    );
    const dossier = await expectStatus(
      await call(commune, {
        method: "POST",
        url: "/api/dossiers",
        payload: { unitCode: names.commune, year, requestedLevel: "standard", batchId: batch.id },
      }),
      201,
    );
    const evidence = await uploadEvidence(db, {
      user: systemUser,
      storage: createLocalStorage(t.dataDir),
      code: names.commune,
      year,
      indicatorCode: "3.1",
      fileName: "bien-ban.pdf",
      content: tinyPdf,
      truncated: false,
    });
    const type = await expectStatus(
      await call(office, {
        method: "POST",
        url: "/api/report-types",
        payload: {
          code: `huyen-thang-${names.province.toLowerCase()}`,
          name: "Báo cáo tháng của UBND huyện",
          cadence: "monthly",
          dueRule: { kind: "dayOfNextMonth", day: 15 },
          submitterLevel: "district",
        },
      }),
      201,
    );
    await expectStatus(
      await call(office, {
        method: "POST",
        url: "/api/reports/generate",
        payload: { typeId: type.id, period: "2024-M05" },
      }),
      200,
    );
    const report = (await findSubmissions(db, { typeId: type.id, periodKey: "2024-M05" })).find(
      (row) => row.unitCode === names.district,
    );
    const departments = await expectStatus(
      await call(office, { method: "GET", url: "/api/departments" }),
      200,
    );
    const departmentRow = (departments as { id: number; code: string }[]).find(
      (row) => row.code === department,
    );
    await expectStatus(
      await call(commune, {
        method: "POST",
        url: "/api/obstacles",
        payload: {
          unitCode: names.commune,
          title: "Thiếu vốn làm kênh mương",
          criterionCodes: ["3"],
          dueDate: "2024-07-01",
        },
      }),
      201,
    );
    return {
      ...names,
      batchId: batch.id,
      dossierId: dossier.id,
      evidenceId: evidence.id,
      reportTypeId: type.id,
      reportId: report?.id as number,
      departmentId: departmentRow?.id as number,
    };
  }

  const inside = await side(
    { commune: "X01", district: "D01", province: "P01" },
    "vpdp",
    "xa1",
    "so-nn",
  );
  const outside = await side(
    { commune: "Y01", district: "D11", province: "P02" },
    "admin2",
    "xa21",
    "so-nn2",
  );
  return { t, cookies, actors, inside, outside, fresh, call };
}

/** A multipart request with one PDF. */
export function pdfUpload(fields: Record<string, string>) {
  const body = multipart(fields, {
    name: "ban-scan.pdf",
    content: tinyPdf,
    type: "application/pdf",
  });
  return { payload: body.payload, headers: { "content-type": body.contentType } };
}
