import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, queryRows } from "./database.ts";
import { copyTemplateInto, isUsableTemplate, makeTemplate } from "./empty-cluster-template.ts";

const root = mkdtempSync(join(tmpdir(), "ntm-template-"));
const template = join(root, "template");
afterAll(() => rmSync(root, { recursive: true, force: true }));

beforeAll(async () => {
  expect(await makeTemplate(template)).toBe(true);
  // A table only this template holds shows which way a data folder was made.
  const client = await PGlite.create(template);
  await client.exec("create table made_from_template (id int)");
  await client.close();
});

async function holdsTemplateTable(dataDir: string, templateFolder: string): Promise<boolean> {
  const database = await createDatabase({ dataDir, template: templateFolder });
  try {
    const [row] = await queryRows<{ name: string | null }>(
      database.db,
      sql`select to_regclass('made_from_template')::text as name`,
    );
    // Migrated and writable either way.
    await database.db.execute(sql`insert into settings (key, value) values ('t', '1'::jsonb)`);
    return row?.name === "made_from_template";
  } finally {
    await database.close();
  }
}

describe("the embedded database's empty-cluster template", () => {
  it("makes a new data folder that migrates, takes writes and opens again", async () => {
    const dataDir = join(root, "from-template");
    expect(await holdsTemplateTable(dataDir, template)).toBe(true);
    const again = await createDatabase({ dataDir, template });
    try {
      const rows = await queryRows<{ value: unknown }>(
        again.db,
        sql`select value from settings where key = 't'`,
      );
      expect(rows).toEqual([{ value: 1 }]);
    } finally {
      await again.close();
    }
    // A folder that already holds a cluster is never copied over.
    expect(copyTemplateInto(template, dataDir)).toBe(false);
    expect(await makeTemplate(template)).toBe(false);
  });

  it("is not used when absent or made by another PGlite version: initdb runs as before", async () => {
    expect(copyTemplateInto(join(root, "absent"), join(root, "unused"))).toBe(false);
    const stale = join(root, "stale");
    cpSync(template, stale, { recursive: true });
    writeFileSync(join(stale, "ntm-template.json"), `${JSON.stringify({ pglite: "0.0.1" })}\n`);
    expect(isUsableTemplate(stale)).toBe(false);
    expect(await holdsTemplateTable(join(root, "from-initdb"), stale)).toBe(false);
  });
});
