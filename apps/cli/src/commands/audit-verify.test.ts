import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { openDatabase, queryRows } from "@ntm/db";
import { createNtmRunner } from "../test/ntm-runner.ts";

const { folder, ntm, cleanup } = createNtmRunner("ntm-audit-");

/** Runs SQL straight on the embedded database, as someone with access to the data folder could. */
async function tamper(statement: ReturnType<typeof sql>) {
  const database = await openDatabase({ dataDir: join(folder, "data", "pg") });
  try {
    return await queryRows<{ id: string | number }>(database.db, statement);
  } finally {
    await database.close();
  }
}

beforeAll(async () => {
  const csv = join(folder, "units.csv");
  writeFileSync(
    csv,
    [
      "code,name,level,parentCode,validFrom,validTo,region,communeGroup,flags,successorCode",
      "99,Tỉnh Mẫu,province,,2008-01-01,,TN,,,",
      "999,Huyện Mẫu,district,99,2008-01-01,,TN,,,",
      "99901,Xã Một,commune,999,2008-01-01,,TN,2,,",
    ].join("\n"),
  );
  expect((await ntm("units", "import", csv)).code).toBe(0);
  for (const username of ["xa-mot", "xa-hai", "xa-ba"]) {
    const added = await ntm(
      "users",
      "add",
      "--username",
      username,
      "--password",
      "Kon-Tum-2024!",
      "--role",
      "commune_officer",
      "--unit",
      "99901",
    );
    expect(added.code, added.stderr).toBe(0);
  }
});
afterAll(cleanup);

describe("ntm audit verify", () => {
  it("reports an intact chain with its length and last hash", async () => {
    const result = await ntm("audit", "verify");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/toàn vẹn: 4 dòng, mã băm cuối [0-9a-f]{64}/);
  });

  it("names a row edited directly in the database, with a non-zero exit code", async () => {
    const [row] = await tamper(
      sql`update audit_log set new_value = jsonb_set(new_value, '{role}', '"province_admin"')
           where entity_key = 'xa-hai' returning id`,
    );
    const result = await ntm("audit", "verify");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(`Dòng nhật ký id ${row?.id} (vị trí 3 trong chuỗi) đã bị sửa`);
    await tamper(
      sql`update audit_log set new_value = jsonb_set(new_value, '{role}', '"commune_officer"')
           where entity_key = 'xa-hai' returning id`,
    );
    expect((await ntm("audit", "verify")).code).toBe(0);
  });

  it("names the place of a row deleted directly in the database", async () => {
    const [next] = await tamper(sql`select id from audit_log where seq = 3`);
    await tamper(sql`delete from audit_log where seq = 2 returning id`);
    const result = await ntm("audit", "verify");
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      `Thiếu dòng ở vị trí 2 của chuỗi (ngay trước dòng id ${next?.id}): dòng đó đã bị xóa.`,
    );
  });
});
