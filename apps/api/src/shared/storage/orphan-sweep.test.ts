import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@ntm/db";
import { systemUser } from "../../features/auth/index.ts";
import { loadConfig } from "../config.ts";
import { createTestApp, type TestApp } from "../../test/test-app.ts";
import { startS3Server, type TestS3Server } from "../../test/s3-server.ts";
import { createLocalStorage, createS3Storage, type FileStorage } from "./index.ts";
import { sweepOrphanFiles } from "./orphan-sweep.ts";

// A file stored just before a crash (stored, then its row never committed) is removed once it is
// older than the grace period, from the data folder and from a bucket alike.
let t: TestApp;
let s3: TestS3Server;

beforeAll(async () => {
  t = await createTestApp();
  s3 = await startS3Server();
});
afterAll(async () => {
  await t.close();
  await s3.close();
});

const hours = (count: number) => new Date(Date.now() + count * 3600_000);
const by = { id: systemUser.id, username: systemUser.username };

async function keysOf(storage: FileStorage) {
  const keys: string[] = [];
  for (const prefix of ["evidence/", "dossiers/", "jobs/"]) {
    for await (const object of storage.list(prefix)) keys.push(object.key);
  }
  return keys.sort();
}

async function nameInEvidence(key: string) {
  await t.database.db.execute(
    sql`insert into evidence_files (unit_code, year, indicator_code, file_name, mime_type, size,
      storage_key, uploaded_by) values ('X01', 2024, '3.1', 'bien-ban.pdf', 'application/pdf', 4,
      ${key}, 'xa1')`,
  );
}

const sweepAudits = () =>
  queryRows<{ entity_key: string; new_value: { removed: number; keys: string[] } }>(
    t.database.db,
    sql`select entity_key, new_value from audit_log where action = 'storage.sweep' order by id`,
  );

describe.each([
  ["the data folder", () => createLocalStorage(t.dataDir)],
  [
    "an S3-compatible bucket",
    () => {
      const config = loadConfig(s3.environment).storage;
      if (config.kind !== "s3") throw new Error("the test bucket is not configured");
      return createS3Storage(config);
    },
  ],
])("sweeping %s", (_where, open) => {
  let storage: FileStorage;
  const prefix = `evidence/X01/2024/${Math.random().toString(36).slice(2, 8)}`;
  const orphan = `${prefix}-orphan.pdf`;
  const named = `${prefix}-named.pdf`;
  const dossierScan = `dossiers/1/${prefix.slice(-6)}-orphan.pdf`;
  const pdf = { contentType: "application/pdf" };

  beforeAll(async () => {
    storage = open();
    await storage.put(orphan, Buffer.from("%PDF"), pdf);
    await storage.put(dossierScan, Buffer.from("%PDF"), pdf);
    await storage.put(named, Buffer.from("%PDF"), pdf);
    await nameInEvidence(named);
  });

  it("a dry run lists the old unnamed files and removes nothing", async () => {
    const sweep = await sweepOrphanFiles(t.database.db, storage, {
      now: hours(2),
      dryRun: true,
      by,
    });
    expect(sweep.orphans.map((object) => object.key).sort()).toEqual([dossierScan, orphan].sort());
    expect(sweep.removed).toBe(0);
    expect(await keysOf(storage)).toEqual(expect.arrayContaining([orphan, dossierScan, named]));
  });

  it("nothing is removed while the unnamed files are younger than the grace period", async () => {
    const sweep = await sweepOrphanFiles(t.database.db, storage, {
      now: new Date(),
      dryRun: false,
      by,
    });
    expect(sweep.orphans).toEqual([]);
    expect(await keysOf(storage)).toEqual(expect.arrayContaining([orphan, dossierScan, named]));
  });

  it("past the grace period the unnamed files are removed, the named one stays, audited", async () => {
    const audits = (await sweepAudits()).length;
    const sweep = await sweepOrphanFiles(t.database.db, storage, {
      now: hours(2),
      dryRun: false,
      by,
    });
    expect(sweep.removed).toBe(2);
    const left = await keysOf(storage);
    expect(left).toContain(named);
    expect(left).not.toContain(orphan);
    expect(left).not.toContain(dossierScan);
    const audit = (await sweepAudits()).slice(audits);
    expect(audit).toHaveLength(1);
    expect(audit[0]?.entity_key).toBe(storage.kind);
    expect(audit[0]?.new_value.removed).toBe(2);
    expect(audit[0]?.new_value.keys.sort()).toEqual([dossierScan, orphan].sort());
  });

  it("a file stored after that, unnamed, stays until it is old", async () => {
    const fresh = `${prefix}-fresh.pdf`;
    await storage.put(fresh, Buffer.from("%PDF"), pdf);
    const sweep = await sweepOrphanFiles(t.database.db, storage, {
      now: new Date(),
      dryRun: false,
      by,
    });
    expect(sweep.removed).toBe(0);
    expect(await keysOf(storage)).toEqual(expect.arrayContaining([fresh, named]));
  });
});

describe("the data folder's other contents", () => {
  it("are never listed: only the folders of stored files are swept", async () => {
    const storage = createLocalStorage(t.dataDir);
    const sweep = await sweepOrphanFiles(t.database.db, storage, {
      now: hours(48),
      dryRun: true,
      by,
    });
    expect(sweep.orphans.every((object) => /^(evidence|dossiers|jobs)\//.test(object.key))).toBe(
      true,
    );
  });
});
