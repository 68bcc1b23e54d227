import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WatchResponse } from "@ntm/contracts";
import * as carryOver from "../../test/carry-over.ts";
import { systemUser } from "../auth/index.ts";
import { importUnits } from "../units/index.ts";

// Two communes recognised in 2022: X07 not re-assessed on the 2026–2030 set, X08 re-assessed
// (2026 values, every indicator below its threshold).
let t: carryOver.CarryOverApp;

beforeAll(async () => {
  t = await carryOver.createCarryOverApp();
  const db = t.database.db;
  const commune = (code: string, name: string) => ({
    code,
    name,
    level: "commune" as const,
    parentCode: "D01",
    validFrom: "2008-01-01",
    region: "TN",
    communeGroup: "2",
    flags: [],
  });
  await importUnits(db, {
    user: systemUser,
    rows: [commune("X07", "Xã Giữ Công Nhận"), commune("X08", "Xã Đánh Giá Lại")],
  });
  await carryOver.recognisedIn2022(db, ["X07", "X08"]);
  await carryOver.reassessIn2026(db, "X08", carryOver.december2026);
  // The re-assessment was stored on 15/9/2026.
  await db.execute(
    sql`update evaluation_results set computed_at = '2026-09-15T03:00:00Z',
          first_computed_at = '2026-09-15T03:00:00Z' where unit_code = 'X08'`,
  );
});
afterAll(() => t.close());

const row = (body: WatchResponse, code: string) => body.communes.find((c) => c.unitCode === code);

describe("the revocation watch of 2026 applies the province's carry-over rule", () => {
  it("keeps a recognition until re-assessed by default, and judges the re-assessed commune on the 2026–2030 set", async () => {
    const body = await t.watch(2026);
    expect(body.setCode).toBe("vn-commune-2026-2030");
    expect(body.keyCriteria).toEqual(["3", "8", "10"]);
    expect(body.keyCriteriaNote).toContain("Chưa kiểm chứng");
    expect(row(body, "X07")?.carryOver).toMatchObject({ status: "kept", lapsedOn: null });
    expect(row(body, "X07")?.flag).toBeNull();
    expect(row(body, "X08")?.carryOver?.status).toBe("reassessed");
    expect(row(body, "X08")?.criteriaTotal).toBe(10);
    expect(body.candidates.map((c) => c.unitCode)).toContain("X08");
  });

  it("shows a recognition not re-assessed by the deadline as lapsed, and no longer a candidate", async () => {
    await t.setRule(carryOver.reassessBySeptember);
    const body = await t.watch(2026);
    expect(row(body, "X07")?.carryOver).toMatchObject({ status: "lapsed", lapsedOn: "2026-10-01" });
    expect(row(body, "X07")?.carryOver?.reason).toContain("Quá hạn đánh giá lại 30/09/2026");
    expect(row(body, "X07")?.flag).toBeNull();
    expect(body.candidates.map((c) => c.unitCode)).not.toContain("X07");
    // Re-assessed on 15/9/2026, within the deadline: judged on its 2026 results.
    expect(row(body, "X08")?.carryOver?.status).toBe("reassessed");
    expect(body.candidates.map((c) => c.unitCode)).toContain("X08");
  });

  it("lapses every 2021–2025 recognition when the province chose so", async () => {
    await t.setRule({ mode: "lapse_at_new_set", basis: null });
    const body = await t.watch(2026);
    for (const code of ["X07", "X08"]) {
      expect(row(body, code)?.carryOver).toMatchObject({
        status: "lapsed",
        lapsedOn: "2026-02-15",
      });
    }
    expect(body.candidates.filter((c) => ["X07", "X08"].includes(c.unitCode))).toEqual([]);
  });

  it("does not touch the watch of a year of the 2021–2025 set", async () => {
    const body = await t.watch(2024);
    expect(row(body, "X07")?.carryOver ?? null).toBeNull();
  });
});
