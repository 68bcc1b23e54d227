import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EntrySheetSaveResponse, ImportRejected, ScorecardResponse } from "@ntm/contracts";
import { importSetWithModelLevel } from "../../test/model-commune-set.ts";
import { callAs, importValueFile, saveValues, storedValue } from "../../test/registry-values.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { villageSetFixture } from "./village-set-fixture.ts";

/**
 * The model commune's smart-village condition (QĐ 319) read from the village registry: computed
 * from the villages the commune recognised under the province's smart-village set, refused when
 * typed, followed on every recognition, and judged alike by the engine (scorecard) and the
 * compiled plan (stored result).
 */
let t: TestApp;
const cookies: Record<string, string> = {};
const smartSet = "p01-thon-thong-minh";

const call = (user: string, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
  callAs(t.app, cookies[user], method, url, payload);

const storedCondition = (year: number) => storedValue(t.database.db, "X01", year, "KM.1");

const importCsv = (content: string) => importValueFile(t.app, cookies.huyen, content);

async function storedLevel(year: number) {
  const rows = await t.database.db.execute(
    `select level from evaluation_results where unit_code = 'X01' and year = ${year}`,
  );
  return (rows as unknown as { rows: { level: string | null }[] }).rows[0]?.level;
}

async function communeCard(year: number) {
  const response = await call("xa1", "GET", `/api/units/X01/scorecard?year=${year}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json();
}

async function putCommuneValues(
  year: number,
  values: { indicatorCode: string; value: number | boolean }[],
) {
  const { version } = (await communeCard(year)).assessment;
  return saveValues(t.app, cookies.xa1, { unitCode: "X01", year }, { version, values });
}

const advancedValues = [
  { indicatorCode: "3.1", value: 95 },
  { indicatorCode: "3.2", value: true },
  { indicatorCode: "10.1", value: 60 },
  { indicatorCode: "10.2", value: 3 },
];

let village: string;

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "xa1", "huyen"]) cookies[user] = await loginAs(t.app, user);
  await importSetWithModelLevel(t.database.db);
  const smart = await call("admin", "POST", "/api/catalog/sets", {
    ...villageSetFixture(),
    code: smartSet,
    name: "Bộ tiêu chí thôn thông minh tỉnh Thử Nghiệm",
    village: { kind: "smart-village" },
  });
  expect(smart.statusCode, smart.body).toBe(201);
  const created = await call("xa1", "POST", "/api/communes/X01/villages", {
    name: "Thôn Kon Klor",
    validFrom: "2022-01-01",
    basis: "Nghị quyết 05/NQ-HĐND ngày 01/12/2021",
  });
  expect(created.statusCode, created.body).toBe(201);
  village = created.json().code;
  const saved = await putCommuneValues(2024, advancedValues);
  expect(saved.statusCode, saved.body).toBe(200);
});
afterAll(() => t?.close());

describe("the smart-village condition of a model commune", () => {
  it("refuses a typed value while the province has a smart-village set, storing nothing", async () => {
    const before = await communeCard(2024);
    const typed = await putCommuneValues(2024, [{ indicatorCode: "KM.1", value: true }]);
    expect(typed.statusCode).toBe(400);
    expect(typed.json().error.message).toContain("lấy từ sổ thôn");
    expect(typed.json().error.message).toContain("Bộ tiêu chí thôn thông minh tỉnh Thử Nghiệm");
    const english = await saveValues(
      t.app,
      cookies.xa1,
      { unitCode: "X01", year: 2024, language: "en" },
      { version: before.assessment.version, values: [{ indicatorCode: "KM.1", value: true }] },
    );
    expect(english.json().error.message).toContain("village registry");
    expect((await communeCard(2024)).assessment.version).toBe(before.assessment.version);
    expect(await storedCondition(2024)).toBeUndefined();
  });

  it("says on the scorecard which value the registry gives, so the grid and the card show it read-only", async () => {
    const card: ScorecardResponse = await communeCard(2024);
    expect(card.sourced).toEqual({
      "KM.1": {
        kind: "villageRegistry",
        setCode: smartSet,
        setName: "Bộ tiêu chí thôn thông minh tỉnh Thử Nghiệm",
      },
    });
    expect((await communeCard(2022)).sourced).toBeUndefined();
  });

  it("refuses the value typed in a file import, on its cell, and imports nothing of the file", async () => {
    const before = await communeCard(2024);
    const response = await importCsv(
      "ma_don_vi,ma_chi_tieu,nam,gia_tri\nX01,3.1,2024,97\nX01,KM.1,2024,Đạt\n",
    );
    expect(response.statusCode, response.body).toBe(422);
    const { report } = response.json() as ImportRejected;
    expect(report.errorCount).toBe(1);
    expect(report.errors[0]).toMatchObject({ row: 3, unitCode: "X01", indicatorCode: "KM.1" });
    expect(report.errors[0]?.message).toContain(
      "lấy từ sổ thôn theo Bộ tiêu chí thôn thông minh tỉnh Thử Nghiệm",
    );
    expect(await storedCondition(2024)).toBeUndefined();
    const after = await communeCard(2024);
    expect(after.assessment.version).toBe(before.assessment.version);
    expect(after.values["3.1"]).toBe(95);
  });

  it("refuses it in the entry by commune for that commune only, the other commune saved", async () => {
    const own = await communeCard(2024);
    const other = await call("huyen", "GET", "/api/units/X02/scorecard?year=2024");
    const response = await call("huyen", "POST", "/api/assessments/2024/values-by-unit", {
      rows: [
        {
          unitCode: "X01",
          version: own.assessment.version,
          values: [{ indicatorCode: "KM.1", value: true }],
        },
        {
          unitCode: "X02",
          version: other.json().assessment.version,
          values: [{ indicatorCode: "3.1", value: 88 }],
        },
      ],
    });
    expect(response.statusCode, response.body).toBe(200);
    const saved = response.json() as EntrySheetSaveResponse;
    expect(saved.saved).toBe(1);
    const refused = saved.rows.find((row) => row.unitCode === "X01");
    expect(refused).toMatchObject({ ok: false });
    expect(refused && !refused.ok ? refused.message : "").toContain("lấy từ sổ thôn");
    expect(await storedCondition(2024)).toBeUndefined();
  });

  it("is entered by hand in a year without a smart-village set in force", async () => {
    const typed = await putCommuneValues(2022, [{ indicatorCode: "KM.1", value: true }]);
    expect(typed.statusCode, typed.body).toBe(200);
    expect(await storedCondition(2022)).toMatchObject({ value: true });
  });

  it("takes its value from the village the commune recognises, naming it, and the commune becomes a model commune", async () => {
    const entered = await call(
      "xa1",
      "PUT",
      `/api/villages/${village}/sets/${smartSet}/assessments/2024/values`,
      {
        version: 0,
        values: [
          { indicatorCode: "1.1", value: 90 },
          { indicatorCode: "2.1", value: true },
        ],
      },
    );
    expect(entered.statusCode, entered.body).toBe(200);
    const step = (payload: object) =>
      call("xa1", "POST", `/api/villages/${village}/recognitions/${smartSet}`, payload);
    expect(
      (
        await step({
          type: "self_assess",
          year: 2024,
          reportNumber: "02/BC-BPT",
          reportDate: "2024-05-20",
        })
      ).statusCode,
    ).toBe(200);
    expect(await storedLevel(2024)).toBe("advanced");
    const decided = await step({
      type: "recognise",
      decisionNumber: "61/QĐ-UBND",
      decisionDate: "2024-06-05",
    });
    expect(decided.statusCode, decided.body).toBe(200);

    const stored = await storedCondition(2024);
    expect(stored?.value).toBe(true);
    expect(stored?.note).toBe(
      "Lấy từ sổ thôn (Bộ tiêu chí thôn thông minh tỉnh Thử Nghiệm): 1 thôn được công nhận đến 31/12/2024: Thôn Kon Klor (61/QĐ-UBND).",
    );
    const card = await communeCard(2024);
    expect(card.entries["KM.1"].note).toBe(stored?.note);
    // The engine (the scorecard's result) and the compiled plan (the stored result) agree.
    expect(card.level).toBe("model");
    expect(await storedLevel(2024)).toBe("model");
    // The year without the set keeps its typed value.
    expect(await storedCondition(2022)).toMatchObject({ value: true });
  });

  it("takes the registry's figure back unchanged from a file the office exported", async () => {
    const exported = await call("huyen", "GET", "/api/export/values?unit=D01&year=2024&format=csv");
    expect(exported.statusCode).toBe(200);
    expect(exported.body).toContain("KM.1");
    const before = await storedCondition(2024);
    const response = await importCsv(exported.body);
    expect(response.statusCode, response.body).toBe(200);
    expect(await storedCondition(2024)).toMatchObject({ value: before?.value, note: before?.note });
  });

  it("follows a revocation: no village left, the condition is not met and the level drops", async () => {
    const revoked = await call("xa1", "POST", `/api/villages/${village}/recognitions/${smartSet}`, {
      type: "revoke",
      decisionNumber: "70/QĐ-UBND",
      decisionDate: "2024-06-14",
      reason: "Hạ tầng wifi nhà văn hóa không còn duy trì",
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    const stored = await storedCondition(2024);
    expect(stored?.value).toBe(false);
    expect(stored?.note).toContain("chưa có thôn nào được công nhận đến 31/12/2024");
    const card = await communeCard(2024);
    expect(card.level).toBe("advanced");
    expect(await storedLevel(2024)).toBe("advanced");
  });
});
