import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, openDatabase, queryRows, type Database } from "@ntm/db";
import { recordAudit, type AuditEvent } from "../../shared/audit.ts";
import { auditRowHash, formatAuditTime } from "./audit-hash.ts";
import { verifyAuditChain } from "./audit-verify.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate audit_log, audit_chain_head restart identity`);
});

const by = { id: 0, username: "system" };
const valueChange = (indicator: string, value: number): AuditEvent => ({
  kind: "assessment.value.update",
  by,
  key: `X01/2024/${indicator}`,
  unitCode: "X01",
  old: { value: null, note: null },
  new: { value, note: "đo lại" },
});

async function record(count: number) {
  for (let index = 0; index < count; index += 1) {
    await database.db.transaction((tx) => recordAudit(tx, valueChange(`1.${index}`, index)));
  }
}

async function idAt(seq: number) {
  const rows = await queryRows<{ id: string | number }>(
    database.db,
    sql`select id from audit_log where seq = ${seq}`,
  );
  return Number(rows[0]?.id);
}

describe("audit hash chain", () => {
  it("links every row to the previous one, and verify walks it", async () => {
    await record(3);
    await database.db.transaction((tx) =>
      recordAudit(tx, [valueChange("2.1", 7), valueChange("2.2", 8)]),
    );
    const rows = await queryRows<{ seq: number; prev_hash: string; hash: string }>(
      database.db,
      sql`select seq::int as seq, prev_hash, hash from audit_log order by seq`,
    );
    expect(rows.map((row) => row.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]?.prev_hash).toBe("0".repeat(64));
    for (let index = 1; index < rows.length; index += 1) {
      expect(rows[index]?.prev_hash).toBe(rows[index - 1]?.hash);
    }
    const report = await verifyAuditChain(database.db);
    expect(report).toMatchObject({ ok: true, rows: 5, firstBreak: null, lastHash: rows[4]?.hash });
  });

  it("hashes the canonical row, so a third party can recompute it", async () => {
    await record(1);
    const [row] = await queryRows<{ at: string; hash: string }>(
      database.db,
      sql`select extract(epoch from at)::float8 * 1000 as at, hash from audit_log`,
    );
    expect(row?.hash).toBe(
      auditRowHash({
        seq: 1,
        at: formatAuditTime(new Date(Number(row?.at))),
        userId: null,
        username: "system",
        action: "assessment.value.update",
        entityType: "assessment_value",
        entityKey: "X01/2024/1.0",
        unitCode: "X01",
        oldValue: { note: null, value: null },
        newValue: { value: 0, note: "đo lại" },
        prevHash: "0".repeat(64),
      }),
    );
  });

  it("hashes and stores what jsonb keeps of a value that is not plain JSON", async () => {
    const sparse: unknown[] = [1];
    sparse[2] = "ba";
    const snapshot = {
      zeta: { b: 2, a: [undefined, () => 1, new Date("2024-05-01T03:04:05.678Z")] },
      alpha: undefined,
      "đã sửa": 'trích "dẫn" \\ xuống\ndòng',
      Ă: sparse,
      "10": 1.5e21,
      "9": -0,
    };
    await database.db.transaction((tx) =>
      recordAudit(tx, {
        kind: "catalog.carryover.set",
        by,
        key: "carryover",
        unitCode: null,
        old: {},
        new: snapshot,
      }),
    );
    const [row] = await queryRows<{ new_value: unknown }>(
      database.db,
      sql`select new_value from audit_log`,
    );
    expect(row?.new_value).toEqual(JSON.parse(JSON.stringify(snapshot)));
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, rows: 1 });
  });

  it("names a row whose content was edited directly in the database", async () => {
    await record(4);
    const id = await idAt(2);
    await database.db.execute(
      sql`update audit_log set new_value = '{"value": 99, "note": null}' where id = ${id}`,
    );
    const report = await verifyAuditChain(database.db);
    expect(report.ok).toBe(false);
    expect(report.firstBreak).toEqual({ kind: "edited", id, seq: 2 });
  });

  it("names the next row when an edited row was given a recomputed hash", async () => {
    await record(4);
    const [second, third] = [await idAt(2), await idAt(3)];
    const [row] = await queryRows<{ at: string; prev_hash: string; old_value: unknown }>(
      database.db,
      sql`select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at,
                 prev_hash, old_value from audit_log where id = ${second}`,
    );
    const forged = { value: 99, note: null };
    const hash = auditRowHash({
      seq: 2,
      at: row?.at as string,
      userId: null,
      username: "system",
      action: "assessment.value.update",
      entityType: "assessment_value",
      entityKey: "X01/2024/1.1",
      unitCode: "X01",
      oldValue: row?.old_value,
      newValue: forged,
      prevHash: row?.prev_hash as string,
    });
    await database.db.execute(
      sql`update audit_log set new_value = ${JSON.stringify(forged)}::jsonb, hash = ${hash}
          where id = ${second}`,
    );
    expect((await verifyAuditChain(database.db)).firstBreak).toEqual({
      kind: "relinked",
      id: third,
      seq: 3,
      previousId: second,
    });
  });

  it("names the gap a deleted row leaves, and a deleted last row", async () => {
    await record(5);
    const second = await idAt(2);
    const third = await idAt(3);
    await database.db.execute(sql`delete from audit_log where id = ${second}`);
    expect((await verifyAuditChain(database.db)).firstBreak).toEqual({
      kind: "deleted",
      seq: 2,
      nextId: third,
    });

    await database.db.execute(sql`truncate audit_log, audit_chain_head restart identity`);
    await record(3);
    await database.db.execute(sql`delete from audit_log where seq = 3`);
    expect((await verifyAuditChain(database.db)).firstBreak).toEqual({
      kind: "truncated",
      length: 2,
      recordedLength: 3,
    });
  });

  it("names a row inserted around the application", async () => {
    await record(2);
    const [inserted] = await queryRows<{ id: string | number }>(
      database.db,
      sql`insert into audit_log (username, action, entity_type, entity_key)
          values ('ke-gian', 'assessment.value.update', 'assessment_value', 'X01/2024/1.1')
          returning id`,
    );
    expect((await verifyAuditChain(database.db)).firstBreak).toEqual({
      kind: "inserted",
      id: Number(inserted?.id),
      seq: null,
    });
  });

  it("gives rows written before the chain their place once, then protects them", async () => {
    await record(2);
    await database.db.execute(
      sql`insert into audit_log (username, action, entity_type, entity_key, new_value)
          values ('admin', 'catalog.import', 'criteria_set', 'a@1', '{"n": 1.50}')`,
    );
    await database.db.execute(sql`update audit_log set seq = null, prev_hash = null, hash = null`);
    await database.db.execute(sql`delete from audit_chain_head`);
    const first = await verifyAuditChain(database.db);
    expect(first).toMatchObject({ ok: true, rows: 3, sealed: 3 });
    await record(1);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, rows: 4, sealed: 0 });
  });

  it("refuses to continue a chain whose end record was deleted", async () => {
    await record(2);
    await database.db.execute(sql`delete from audit_chain_head`);
    expect((await verifyAuditChain(database.db)).firstBreak).toEqual({ kind: "head-missing" });
    await expect(
      database.db.transaction((tx) => recordAudit(tx, valueChange("1.9", 9))),
    ).rejects.toThrow(/điểm cuối/);
  });

  it.runIf(process.env.DATABASE_URL)(
    "never forks when many connections write at once",
    async () => {
      const [current] = await queryRows<{ name: string }>(
        database.db,
        sql`select current_database() as name`,
      );
      const url = new URL(process.env.DATABASE_URL as string);
      url.pathname = `/${current?.name}`;
      const others = await Promise.all(
        Array.from({ length: 4 }, () => openDatabase({ url: url.toString() })),
      );
      try {
        await Promise.all(
          others.flatMap((other, client) =>
            Array.from({ length: 10 }, (_, index) =>
              other.db.transaction(async (tx) => {
                await tx.execute(sql`select pg_sleep(0.001)`);
                await recordAudit(tx, valueChange(`${client}.${index}`, index));
              }),
            ),
          ),
        );
      } finally {
        await Promise.all(others.map((other) => other.close()));
      }
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, rows: 40 });
    },
  );
});
