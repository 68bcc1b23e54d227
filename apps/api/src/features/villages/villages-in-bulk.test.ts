import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { systemUser } from "../auth/index.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { villageSetFixture } from "./village-set-fixture.ts";
import { writeFirstVillageValues, writeVillageValues } from "./village-assessment.service.ts";
import { createVillage, createVillages } from "./villages.service.ts";

/**
 * Villages made and given their first values in bulk (the demo's path): the same villages,
 * results and audit entries as one by one, read back over HTTP; bad input refused with nothing
 * written.
 */
let t: TestApp;
let cookie = "";
const setCode = "p01-thon-ntm";
const now = new Date("2025-01-15T03:00:00Z");
const input = { validFrom: "2023-01-01", basis: "Nghị quyết 05/NQ-HĐND ngày 01/12/2022" };
const names = ["Thôn Một", "Thôn Hai", "Thôn Ba"];
const valuesOf = (index: number) => [
  { indicatorCode: "1.1", value: index === 1 ? 40 : 80 },
  { indicatorCode: "2.1", value: index !== 2 },
];

beforeAll(async () => {
  t = await createTestApp();
  cookie = await loginAs(t.app, "admin");
  const imported = await t.app.inject({
    method: "POST",
    url: "/api/catalog/sets",
    headers: { cookie },
    payload: villageSetFixture(),
  });
  expect(imported.statusCode, imported.body).toBe(201);
});
afterAll(() => t?.close());

async function villagesOf(commune: string) {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/communes/${commune}/villages?year=2024`,
    headers: { cookie },
  });
  expect(response.statusCode, response.body).toBe(200);
  const body = response.json() as {
    villages: { code: string; name: string; results: unknown[] }[];
  };
  return body.villages.map((village) => ({ ...village, code: village.code.slice(4) }));
}

/** The commune's audit entries in order, its code written as "C" to compare two communes. */
async function auditOf(commune: string) {
  const rows = await t.database.db.execute(
    `select action, entity_type, entity_key, unit_code, old_value, new_value
       from audit_log where entity_key like '${commune}%' order by id`,
  );
  return (rows as unknown as { rows: object[] }).rows.map((row) =>
    JSON.stringify(row).replaceAll(commune, "C"),
  );
}

describe("villages in bulk", () => {
  it("writes the same villages, results and audit entries as one by one", async () => {
    for (const [index, name] of names.entries()) {
      const village = await createVillage(t.database.db, {
        user: systemUser,
        communeCode: "X01",
        input: { ...input, name },
      });
      await writeVillageValues(
        t.database.db,
        {
          user: systemUser,
          code: village.code,
          setCode,
          year: 2024,
          input: { version: 0, values: valuesOf(index) },
        },
        now,
      );
    }
    const created = await createVillages(t.database.db, {
      user: systemUser,
      communeCode: "X02",
      names,
      input,
    });
    expect(created.map((village) => village.code)).toEqual(["X02-01", "X02-02", "X02-03"]);
    await writeFirstVillageValues(
      t.database.db,
      {
        user: systemUser,
        setCode,
        year: 2024,
        entries: created.map((village, index) => ({ code: village.code, values: valuesOf(index) })),
      },
      now,
    );
    expect(await villagesOf("X02")).toEqual(await villagesOf("X01"));
    expect((await villagesOf("X02")).flatMap((village) => village.results)).toHaveLength(3);
    const one = await auditOf("X01");
    const bulk = await auditOf("X02");
    expect(bulk).toHaveLength(one.length);
    // The same entries; in bulk every village's creation comes before the values.
    expect([...bulk].sort()).toEqual([...one].sort());
  });

  it("refuses a name twice, a value out of range and a second first write, writing nothing", async () => {
    const before = await villagesOf("X03");
    await expect(
      createVillages(t.database.db, {
        user: systemUser,
        communeCode: "X03",
        names: ["Thôn Bốn", "Thôn bốn"],
        input,
      }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await villagesOf("X03")).toEqual(before);

    const [village] = await createVillages(t.database.db, {
      user: systemUser,
      communeCode: "X03",
      names: ["Thôn Năm"],
      input,
    });
    const code = village?.code as string;
    await expect(
      writeFirstVillageValues(
        t.database.db,
        {
          user: systemUser,
          setCode,
          year: 2024,
          entries: [{ code, values: [{ indicatorCode: "1.1", value: 140 }] }],
        },
        now,
      ),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    expect((await villagesOf("X03")).flatMap((row) => row.results)).toEqual([]);

    const entries = [{ code, values: valuesOf(0) }];
    await writeFirstVillageValues(
      t.database.db,
      { user: systemUser, setCode, year: 2024, entries },
      now,
    );
    await expect(
      writeFirstVillageValues(
        t.database.db,
        { user: systemUser, setCode, year: 2024, entries },
        now,
      ),
    ).rejects.toMatchObject({ code: "VERSION_CONFLICT" });
    expect((await villagesOf("X03")).flatMap((row) => row.results)).toHaveLength(1);
  });
});
