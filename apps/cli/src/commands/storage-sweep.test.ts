import { existsSync, mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, expect, it } from "vitest";
import { createDatabase } from "@ntm/db";
import { createNtmRunner } from "../test/ntm-runner.ts";

const { folder, ntm, cleanup } = createNtmRunner("ntm-cli-storage-");
afterAll(cleanup);

const dataDir = join(folder, "data");
const orphan = "evidence/X01/2024/orphan.pdf";
const named = "evidence/X01/2024/named.pdf";
const fresh = "dossiers/7/fresh.pdf";

function store(key: string, hoursAgo: number) {
  const path = join(dataDir, key);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, "%PDF-1.4");
  const at = new Date(Date.now() - hoursAgo * 3600_000);
  utimesSync(path, at, at);
}

it("ntm storage sweep lists, then removes, the old files no row names", async () => {
  expect((await ntm("migrate")).code).toBe(0);
  store(orphan, 2);
  store(named, 2);
  store(fresh, 0);
  const database = await createDatabase({ dataDir: join(dataDir, "pg") });
  await database.db.execute(
    sql`insert into evidence_files (unit_code, year, indicator_code, file_name, mime_type, size,
      storage_key, uploaded_by) values ('X01', 2024, '3.1', 'named.pdf', 'application/pdf', 8,
      ${named}, 'xa1')`,
  );
  await database.close();

  const dry = await ntm("storage", "sweep", "--dry-run");
  expect(dry.code, dry.stderr).toBe(0);
  expect(dry.stdout).toContain(orphan);
  expect(dry.stdout).not.toContain(named);
  expect(dry.stdout).not.toContain(fresh);
  expect(dry.stdout).toContain("Chạy thử: 1 tệp");
  expect(existsSync(join(dataDir, orphan))).toBe(true);

  const swept = await ntm("storage", "sweep");
  expect(swept.code, swept.stderr).toBe(0);
  expect(swept.stdout).toContain("Đã xoá 1 tệp");
  expect(existsSync(join(dataDir, orphan))).toBe(false);
  expect(existsSync(join(dataDir, named))).toBe(true);
  expect(existsSync(join(dataDir, fresh))).toBe(true);
  // The database folder beside the files is never touched.
  expect(existsSync(join(dataDir, "pg"))).toBe(true);

  const wrong = await ntm("storage", "sweep", "--grace-minutes", "mot-gio");
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toContain("--grace-minutes");
}, 300_000);
