import { join } from "node:path";
import { count, eq } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { createDatabase, tables } from "@ntm/db";
import { createNtmRunner } from "../test/ntm-runner.ts";

const { folder, ntm, cleanup } = createNtmRunner("ntm-cli-periods-");

afterAll(cleanup);

/** Reads or writes the command's embedded database between two runs of the command. */
async function withData<T>(
  work: (db: Awaited<ReturnType<typeof createDatabase>>["db"]) => Promise<T>,
) {
  const database = await createDatabase({ dataDir: join(folder, "data", "pg") });
  try {
    return await work(database.db);
  } finally {
    await database.close();
  }
}

it("ntm reports open-periods opens the periods ended by the date, once, audited", async () => {
  await withData(async (db) => {
    const unit = (code: string, name: string, level: string, parentCode: string | null) => ({
      code,
      name,
      level,
      parentCode,
      validFrom: "2008-01-01",
      region: "TN",
    });
    await db
      .insert(tables.adminUnits)
      .values([
        unit("99", "Tỉnh Mẫu", "province", null),
        unit("991", "Huyện Một", "district", "99"),
        unit("992", "Huyện Hai", "district", "99"),
      ]);
    await db.insert(tables.reportTypes).values({
      code: "huyen-thang",
      name: "Báo cáo tháng của UBND huyện",
      cadence: "monthly",
      dueRule: { kind: "dayOfNextMonth", day: 15 },
      submitterLevel: "district",
      receiverUnitCode: "99",
      createdBy: "system",
    });
  });

  const badDate = await ntm("reports", "open-periods", "--date", "15/06/2024");
  expect(badDate.code).toBe(1);
  expect(badDate.stderr).toContain("YYYY-MM-DD");

  const opened = await ntm("reports", "open-periods", "--date", "2024-03-10");
  expect(opened.code, opened.stderr).toBe(0);
  expect(opened.stdout).toContain(
    "Báo cáo tháng của UBND huyện, Tháng 2/2024: 2 báo cáo phải nộp.",
  );
  expect(opened.stdout).toContain("Đã mở 3 kỳ báo cáo (6 báo cáo) đến ngày 2024-03-10.");
  const again = await ntm("reports", "open-periods", "--date", "2024-03-10");
  expect(again.stdout).toContain("Đã mở 0 kỳ báo cáo (0 báo cáo)");

  const written = await withData(async (db) => {
    const [submissions] = await db.select({ n: count() }).from(tables.reportSubmissions);
    const audit = await db
      .select({ key: tables.auditLog.entityKey, username: tables.auditLog.username })
      .from(tables.auditLog)
      .where(eq(tables.auditLog.action, "report_period.open"));
    return { submissions: submissions!.n, audit };
  });
  expect(written.submissions).toBe(6);
  expect(written.audit.map((row) => [row.key.split("/")[1], row.username])).toEqual([
    ["2023-M12", "system"],
    ["2024-M01", "system"],
    ["2024-M02", "system"],
  ]);
}, 240_000);
