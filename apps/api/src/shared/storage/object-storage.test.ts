import { readdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { multipart, tinyPdf } from "../../test/multipart.ts";
import { startS3Server, type TestS3Server } from "../../test/s3-server.ts";

// Evidence and dossier scans through the API with the files in an S3-compatible bucket.
let s3: TestS3Server;
let t: TestApp;
const cookies: Record<string, string> = {};
let dossierId = 0;

beforeAll(async () => {
  s3 = await startS3Server();
  t = await createTestApp({ config: loadConfig(s3.environment) });
  for (const user of ["xa1", "xa3", "vpdp", "huyen"]) cookies[user] = await loginAs(t.app, user);
  const batch = await t.app.inject({
    method: "POST",
    url: "/api/dossier-batches",
    headers: { cookie: cookies.vpdp as string },
    payload: { provinceCode: "P01", name: "Đợt 1", year: 2024, deadline: "2024-11-30" },
  });
  expect(batch.statusCode, batch.body).toBe(201);
  const dossier = await t.app.inject({
    method: "POST",
    url: "/api/dossiers",
    headers: { cookie: cookies.xa1 as string },
    payload: { unitCode: "X01", year: 2024, requestedLevel: "standard", batchId: batch.json().id },
  });
  expect(dossier.statusCode, dossier.body).toBe(201);
  dossierId = dossier.json().id;
});
afterAll(async () => {
  await t.close();
  await s3.close();
});

const scan = Buffer.concat([tinyPdf, Buffer.from("\n% Biên bản kiểm tra, xã Đăk Pék\n")]);

function uploadEvidence(user: string, content: Buffer, name = "Biên bản.pdf") {
  const body = multipart({ indicatorCode: "3.1" }, { name, content });
  return t.app.inject({
    method: "POST",
    url: "/api/units/X01/assessments/2024/evidence",
    headers: { cookie: cookies[user] as string, "content-type": body.contentType },
    payload: body.payload,
  });
}

function attachScan(user: string, stepCode: string) {
  const body = multipart({ stepCode }, { name: "ban-scan.pdf", content: scan });
  return t.app.inject({
    method: "POST",
    url: `/api/dossiers/${dossierId}/documents`,
    headers: { cookie: cookies[user] as string, "content-type": body.contentType },
    payload: body.payload,
  });
}

const get = (user: string, url: string) =>
  t.app.inject({ method: "GET", url, headers: { cookie: cookies[user] as string } });

/** Makes every insert into a table fail inside its transaction, as a database error would. */
async function failInserts(table: "evidence_files" | "audit_log", run: () => Promise<void>) {
  const db = t.database.db;
  await db.execute(
    sql.raw(`create or replace function ntm_test_refuse() returns trigger language plpgsql as
      $$ begin raise exception 'refused by the test'; end $$`),
  );
  await db.execute(
    sql.raw(`create trigger ntm_test_refuse before insert on ${table}
      for each row execute function ntm_test_refuse()`),
  );
  try {
    await run();
  } finally {
    await db.execute(sql.raw(`drop trigger ntm_test_refuse on ${table}`));
  }
}

describe("evidence in object storage", () => {
  let id = 0;

  it("uploads into the bucket, not the data folder", async () => {
    const response = await uploadEvidence("xa1", scan);
    expect(response.statusCode, response.body).toBe(201);
    id = response.json().id;
    const keys = await s3.keys("evidence/X01/2024/");
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^evidence\/X01\/2024\/[0-9a-f-]{36}\.pdf$/);
    expect(readdirSync(t.dataDir)).toEqual([]);
  });

  it("downloads the same bytes, streamed, with its name and type", async () => {
    const response = await get("huyen", `/api/evidence/${id}`);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(scan)).toBe(true);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toContain("Bi%C3%AAn%20b%E1%BA%A3n.pdf");
  });

  it("keeps the scope check: another district's commune officer gets 403", async () => {
    const response = await get("xa3", `/api/evidence/${id}`);
    expect(response.statusCode).toBe(403);
  });

  it("keeps the type and size checks: nothing reaches the bucket", async () => {
    const fake = await uploadEvidence("xa1", Buffer.from("MZ not a pdf"), "gia.pdf");
    expect(fake.statusCode).toBe(415);
    const large = await uploadEvidence("xa1", Buffer.alloc(10 * 1024 * 1024 + 1, 0x25));
    expect(large.statusCode).toBe(413);
    expect(await s3.keys("evidence/")).toHaveLength(1);
  });

  it("removes the object from the bucket with the evidence", async () => {
    const response = await t.app.inject({
      method: "DELETE",
      url: `/api/evidence/${id}`,
      headers: { cookie: cookies.xa1 as string },
    });
    expect(response.statusCode).toBe(200);
    expect(await s3.keys("evidence/")).toEqual([]);
  });

  it("leaves no object when the transaction that names it fails", async () => {
    await failInserts("evidence_files", async () => {
      const response = await uploadEvidence("xa1", scan);
      expect(response.statusCode).toBe(500);
    });
    expect(await s3.keys("evidence/")).toEqual([]);
    const scorecard = await get("xa1", "/api/units/X01/scorecard?year=2024");
    expect(JSON.stringify(scorecard.json())).not.toContain("Biên bản.pdf");
  });
});

describe("dossier scans in object storage", () => {
  it("uploads into the bucket and downloads the same bytes", async () => {
    const response = await attachScan("xa1", "self_assessment");
    expect(response.statusCode, response.body).toBe(201);
    const keys = await s3.keys(`dossiers/${dossierId}/`);
    expect(keys).toHaveLength(1);
    const download = await get(
      "vpdp",
      `/api/dossiers/${dossierId}/documents/${response.json().id}`,
    );
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(scan)).toBe(true);
  });

  it("leaves no object when the transaction fails (the audit row is refused)", async () => {
    await failInserts("audit_log", async () => {
      const response = await attachScan("xa1", "self_assessment");
      expect(response.statusCode).toBe(500);
    });
    expect(await s3.keys(`dossiers/${dossierId}/`)).toHaveLength(1);
  });

  it("answers 404 when the row's object is gone from the bucket, not 500", async () => {
    const [key] = await s3.keys(`dossiers/${dossierId}/`);
    const dossier = await get("vpdp", `/api/dossiers/${dossierId}`);
    const [document] = dossier.json().documents as { id: number }[];
    const { createFileStorage } = await import("./index.ts");
    await createFileStorage({
      dataDir: t.dataDir,
      storage: loadConfig(s3.environment).storage,
    }).delete(key as string);
    const response = await get("vpdp", `/api/dossiers/${dossierId}/documents/${document?.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.message).toContain("không còn trong kho lưu trữ");
  });
});
