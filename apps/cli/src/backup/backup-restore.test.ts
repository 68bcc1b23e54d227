import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { buildServer, recordAudit, systemUser, verifyAuditChain } from "@ntm/api";
import { createTestDatabase, openDatabase, queryRows, type Database } from "@ntm/db";
import { createTestApp, loginAs, type TestApp } from "../../../api/src/test/test-app.ts";
import { backupDatabase } from "./write-backup.ts";
import { restoreDatabase } from "./restore-backup.ts";

const folder = mkdtempSync(join(tmpdir(), "ntm-backup-test-"));
const tinyPdf = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n");
const boundary = "----ntm-backup-test-boundary";

/** A multipart body: one text field, then the file. */
function multipart(field: Record<string, string>, file: { name: string; content: Buffer }) {
  const [[name, value]] = Object.entries(field) as [[string, string]];
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    payload: Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\n` +
          "Content-Type: application/pdf\r\n\r\n",
      ),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]),
  };
}
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function count(database: Database, table: string) {
  const rows = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from ${sql.identifier(table)}`,
  );
  return rows[0]?.n ?? 0;
}

describe("ntm backup and restore of stored files", () => {
  let source: TestApp;
  let documentUrl = "";
  let evidenceUrl = "";
  const evidenceBytes = Buffer.concat([tinyPdf, Buffer.from("% minh chứng")]);

  beforeAll(async () => {
    source = await createTestApp();
    const vpdp = await loginAs(source.app, "vpdp");
    const xa1 = await loginAs(source.app, "xa1");
    const batch = await source.app.inject({
      method: "POST",
      url: "/api/dossier-batches",
      headers: { cookie: vpdp },
      payload: { provinceCode: "P01", name: "Đợt 1", year: 2024, deadline: "2024-11-30" },
    });
    const dossier = await source.app.inject({
      method: "POST",
      url: "/api/dossiers",
      headers: { cookie: xa1 },
      payload: {
        unitCode: "X01",
        year: 2024,
        requestedLevel: "standard",
        batchId: batch.json().id,
      },
    });
    expect(dossier.statusCode, dossier.body).toBe(201);
    const scan = multipart(
      { stepCode: "self_assessment" },
      { name: "tu-danh-gia.pdf", content: tinyPdf },
    );
    const uploaded = await source.app.inject({
      method: "POST",
      url: `/api/dossiers/${dossier.json().id}/documents`,
      headers: { cookie: xa1, "content-type": scan.contentType },
      payload: scan.payload,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    documentUrl = `/api/dossiers/${dossier.json().id}/documents/${uploaded.json().id}`;
    const evidence = multipart(
      { indicatorCode: "3.1" },
      { name: "minh-chung.pdf", content: evidenceBytes },
    );
    const stored = await source.app.inject({
      method: "POST",
      url: "/api/units/X01/assessments/2024/evidence",
      headers: { cookie: xa1, "content-type": evidence.contentType },
      payload: evidence.payload,
    });
    expect(stored.statusCode, stored.body).toBe(201);
    evidenceUrl = `/api/evidence/${stored.json().id}`;
  });
  afterAll(() => source.close());

  it("puts dossier scans and evidence in the backup, and a restored scan downloads", async () => {
    const file = join(folder, "with-files.jsonl.gz");
    const manifest = await backupDatabase(source.database, file, { dataDir: source.dataDir });
    expect(manifest.files.map((stored) => stored.path.split("/")[0]).sort()).toEqual([
      "dossiers",
      "evidence",
    ]);
    expect(manifest.missingFiles).toEqual([]);

    const target = await createTestDatabase();
    const dataDir = mkdtempSync(join(folder, "restored-"));
    const app = await buildServer({ database: target, dataDir, now: () => new Date() });
    try {
      const report = await restoreDatabase(target, file, { dataDir });
      expect(report.verified).toBe(true);
      expect(report.files).toHaveLength(2);
      expect(report.files.every((stored) => stored.matches)).toBe(true);
      expect(report.tables.every((table) => table.expected === table.restored)).toBe(true);
      expect(report.audit).toMatchObject({ ok: true, firstBreak: null });

      const signedIn = await loginAs(app, "xa1");
      const scan = await app.inject({
        method: "GET",
        url: documentUrl,
        headers: { cookie: signedIn },
      });
      expect(scan.statusCode).toBe(200);
      expect(scan.rawPayload.equals(tinyPdf)).toBe(true);
      const evidence = await app.inject({
        method: "GET",
        url: evidenceUrl,
        headers: { cookie: signedIn },
      });
      expect(evidence.statusCode).toBe(200);
      expect(evidence.rawPayload.equals(evidenceBytes)).toBe(true);
    } finally {
      await app.close();
      await target.close();
    }
  });

  it("audits the restore as the next link of the restored chain", async () => {
    const file = join(folder, "audited.jsonl.gz");
    const manifest = await backupDatabase(source.database, file, { dataDir: source.dataDir });
    const target = await createTestDatabase();
    try {
      await restoreDatabase(target, file, { dataDir: mkdtempSync(join(folder, "audited-")) });
      const [last] = await queryRows<{ action: string; seq: number; username: string }>(
        target.db,
        sql`select action, seq::int as seq, username from audit_log order by seq desc limit 1`,
      );
      expect(last).toEqual({
        action: "data.restored",
        seq: (manifest.audit?.length ?? 0) + 1,
        username: "system",
      });
      expect(await verifyAuditChain(target.db)).toMatchObject({ ok: true });
    } finally {
      await target.close();
    }
  });

  it("refuses a backup whose rows or files differ from its manifest, and changes nothing", async () => {
    const file = join(folder, "altered.jsonl.gz");
    await backupDatabase(source.database, file, { dataDir: source.dataDir });
    const lines = gunzipSync(readFileSync(file)).toString("utf8").split("\n");
    const target = await createTestDatabase();
    try {
      const withoutRow = lines.filter((line, index) => {
        const first = lines.findIndex((candidate) => candidate.startsWith('{"table":"users"'));
        return index !== first;
      });
      writeFileSync(file, gzipSync(withoutRow.join("\n")));
      await expect(
        restoreDatabase(target, file, { dataDir: mkdtempSync(join(folder, "x-")) }),
      ).rejects.toThrow(/bảng users: \d+ dòng, bản sao lưu ghi \d+/);
      expect(await count(target, "users")).toBe(0);

      const cut = lines.filter((line) => !line.startsWith('{"manifest"'));
      writeFileSync(file, gzipSync(cut.join("\n")));
      await expect(
        restoreDatabase(target, file, { dataDir: mkdtempSync(join(folder, "x-")) }),
      ).rejects.toThrow(/không đầy đủ/);

      const flipped = lines.map((line) =>
        line.startsWith('{"data"') ? line.replace(/"data":"(.)/, '"data":"A$1') : line,
      );
      writeFileSync(file, gzipSync(flipped.join("\n")));
      await expect(
        restoreDatabase(target, file, { dataDir: mkdtempSync(join(folder, "x-")) }),
      ).rejects.toThrow(/mã SHA-256 không khớp/);
      expect(await count(target, "admin_units")).toBe(0);
    } finally {
      await target.close();
    }
  });
});

describe("ntm restore of a backup made before stored files and the audit chain", () => {
  it("restores its rows unverified and gives its audit rows their place in the chain", async () => {
    const file = join(folder, "version-1.jsonl.gz");
    const lines = [
      { format: "ntm-backup", version: 1, tables: ["admin_units", "audit_log"] },
      {
        table: "admin_units",
        row: {
          id: 1,
          code: "99",
          name: "Tỉnh Mẫu",
          level: "province",
          valid_from: "2008-01-01",
          flags: [],
          assessed: true,
        },
      },
      {
        table: "audit_log",
        row: {
          id: 7,
          at: "2024-05-01T03:04:05.678912+00:00",
          username: "system",
          action: "units.import",
          entity_type: "admin_units",
          entity_key: "import",
          new_value: { units: 1, links: 0 },
        },
      },
    ];
    writeFileSync(file, gzipSync(lines.map((line) => JSON.stringify(line)).join("\n")));
    const target = await createTestDatabase();
    try {
      const report = await restoreDatabase(target, file, { dataDir: folder });
      expect(report).toMatchObject({ version: 1, verified: false, files: [] });
      expect(report.audit).toMatchObject({ ok: true, rows: 2 });
      expect(await count(target, "admin_units")).toBe(1);
    } finally {
      await target.close();
    }
  });
});

/**
 * Writers that keep invariants across tables in every transaction: one obstacle with two events,
 * one dossier with one event, one value change bumping the assessment's version, one audit row.
 */
async function writeWhileBackingUp(database: Database, stop: () => boolean) {
  let committed = 0;
  for (let round = 0; !stop(); round += 1) {
    await database.db.transaction(async (tx) => {
      const [obstacle] = await queryRows<{ id: number }>(
        tx,
        sql`insert into obstacles (unit_code, title, holder, owner, due_date, raised_by, raised_at)
            values ('X01', ${`Vướng mắc ${round}`}, 'commune', 'UBND xã', '2024-12-31', 'xa1', now())
            returning id`,
      );
      for (const action of ["raise", "escalate"]) {
        await tx.execute(
          sql`insert into obstacle_events (obstacle_id, at, username, action)
              values (${obstacle?.id}, now(), 'xa1', ${action})`,
        );
      }
      const [dossier] = await queryRows<{ id: number }>(
        tx,
        sql`insert into dossiers (kind, unit_code, unit_level, year, requested_level, regime_code,
                                  status, current_step, state, created_at, created_by, updated_at)
            values ('recognition', 'X01', 'commune', 2024, 'standard', 'qd18', 'in_progress',
                    'self_assessment', '{}', now(), 'xa1', now())
            returning id`,
      );
      await tx.execute(
        sql`insert into dossier_events (dossier_id, at, username, role, type, round)
            values (${dossier?.id}, now(), 'xa1', 'commune_officer', 'filed', 1)`,
      );
      await tx.execute(
        sql`insert into assessment_values (unit_code, year, indicator_code, num_value, updated_by)
            values ('X01', 2024, ${`w${round % 7}`}, ${round}, 'xa1')
            on conflict (year, unit_code, indicator_code)
            do update set num_value = excluded.num_value`,
      );
      await tx.execute(
        sql`update assessments set version = version + 1 where unit_code = 'X01' and year = 2024`,
      );
      await recordAudit(tx, {
        kind: "obstacle.raise",
        by: systemUser,
        key: String(obstacle?.id),
        unitCode: "X01",
        new: { round },
      });
    });
    committed += 1;
  }
  return committed;
}

describe.runIf(process.env.DATABASE_URL)("ntm backup on PostgreSQL during writes", () => {
  let source: Database;
  let writer: Database;
  beforeAll(async () => {
    source = await createTestDatabase();
    await source.db.execute(
      sql`insert into assessments (unit_code, year, version, updated_by) values ('X01', 2024, 0, 'xa1')`,
    );
    const [current] = await queryRows<{ name: string }>(
      source.db,
      sql`select current_database() as name`,
    );
    const url = new URL(process.env.DATABASE_URL as string);
    url.pathname = `/${current?.name}`;
    writer = await openDatabase({ url: url.toString() });
  });
  afterAll(async () => {
    await writer.close();
    await source.close();
  });

  it("restores the database as of one instant while another connection keeps writing", async () => {
    let done = false;
    const writing = Promise.all([
      writeWhileBackingUp(writer, () => done),
      writeWhileBackingUp(writer, () => done),
    ]);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const file = join(folder, `during-writes-${attempt}.jsonl.gz`);
        await backupDatabase(source, file, { dataDir: folder });
        const target = await createTestDatabase();
        try {
          const report = await restoreDatabase(target, file, { dataDir: folder });
          expect(report.verified).toBe(true);
          const obstacles = await count(target, "obstacles");
          expect(obstacles).toBeGreaterThan(0);
          expect(await count(target, "obstacle_events")).toBe(2 * obstacles);
          expect(await count(target, "dossiers")).toBe(obstacles);
          expect(await count(target, "dossier_events")).toBe(obstacles);
          const [assessment] = await queryRows<{ version: number }>(
            target.db,
            sql`select version from assessments where unit_code = 'X01' and year = 2024`,
          );
          expect(assessment?.version).toBe(obstacles);
          // The writers' audit rows, the restore's own row, and a chain that verifies.
          expect(await count(target, "audit_log")).toBe(obstacles + 1);
          expect(report.audit).toMatchObject({ ok: true });
        } finally {
          await target.close();
        }
      }
    } finally {
      done = true;
      expect((await writing).every((committed) => committed > 0)).toBe(true);
    }
  });
});
