import { readdirSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@ntm/db";
import type { EvidenceDto } from "@ntm/contracts";
import { systemUser } from "../auth/index.ts";
import { createLocalStorage, sweepOrphanFiles } from "../../shared/storage/index.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { multipartBody, multipartContentType, tinyPdf } from "../../test/multipart.ts";
import { villageSetFixture } from "./village-set-fixture.ts";

/**
 * Evidence files of a village's values over HTTP on a real database: attached per indicator,
 * checked as commune evidence is, downloaded, removed, audited, refused to those who may not,
 * and kept by the orphan-file sweep.
 */
let t: TestApp;
let village: string;
const cookies: Record<string, string> = {};
const setCode = "p01-thon-ntm";
const files = () => `/api/villages/${village}/sets/${setCode}/assessments/2024/evidence`;

const call = (user: string, method: "GET" | "DELETE", url: string) =>
  t.app.inject({ method, url, headers: { cookie: cookies[user] as string } });

function upload(
  user: string,
  file: { name: string; content: Buffer },
  options: { indicatorCode?: string; url?: string } = {},
) {
  return t.app.inject({
    method: "POST",
    url: options.url ?? files(),
    headers: { cookie: cookies[user] as string, "content-type": multipartContentType },
    payload: multipartBody({ indicatorCode: options.indicatorCode ?? "2.1" }, file),
  });
}

function storedFiles(): string[] {
  try {
    return readdirSync(join(t.dataDir, "evidence", village, "2024"));
  } catch {
    return [];
  }
}

const auditRows = () =>
  queryRows<{ action: string; entity_key: string; actor: string }>(
    t.database.db,
    sql`select action, entity_key, username as actor from audit_log where action like 'village.evidence.%'
      order by id`,
  );

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["admin", "vpdp", "xa1", "xa3", "xem", "admin2", "xa21"]) {
    cookies[user] = await loginAs(t.app, user);
  }
  const imported = await t.app.inject({
    method: "POST",
    url: "/api/catalog/sets",
    headers: { cookie: cookies.admin as string },
    payload: villageSetFixture(),
  });
  expect(imported.statusCode, imported.body).toBe(201);
  const created = await t.app.inject({
    method: "POST",
    url: "/api/communes/X01/villages",
    headers: { cookie: cookies.xa1 as string },
    payload: { name: "Thôn Đăk Ung", validFrom: "2023-01-01", basis: "Nghị quyết 05/NQ-HĐND" },
  });
  expect(created.statusCode, created.body).toBe(201);
  village = created.json().code;
});
afterAll(() => t?.close());

const fileName = "Biên bản nhà văn hóa thôn.pdf";

describe("evidence of a village's values", () => {
  it("is uploaded by the commune officer, listed, downloaded as stored and audited", async () => {
    const response = await upload("xa1", { name: fileName, content: tinyPdf });
    expect(response.statusCode, response.body).toBe(201);
    const file = response.json<EvidenceDto>();
    expect(file).toMatchObject({
      indicatorCode: "2.1",
      fileName,
      mimeType: "application/pdf",
      size: tinyPdf.length,
      uploadedBy: "xa1",
    });
    expect(storedFiles()).toHaveLength(1);

    const list = await call("xa1", "GET", files());
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ files: [file], canWrite: true });

    const download = await call("xa1", "GET", `/api/village-evidence/${file.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.headers["content-type"]).toBe("application/pdf");
    expect(download.rawPayload.equals(tinyPdf)).toBe(true);

    expect(await auditRows()).toEqual([
      {
        action: "village.evidence.upload",
        entity_key: `${village}/2024/${setCode}/2.1`,
        actor: "xa1",
      },
    ]);
  });

  it("is read by a viewer of the province, who is not offered to change it", async () => {
    const list = await call("xem", "GET", files());
    expect(list.statusCode).toBe(200);
    expect(list.json().canWrite).toBe(false);
    expect(list.json().files).toHaveLength(1);
    const id = list.json().files[0].id as number;
    expect((await call("xem", "GET", `/api/village-evidence/${id}`)).statusCode).toBe(200);
  });

  it("refuses a file of another type, a disguised file and one too large: 4xx, nothing stored", async () => {
    const before = { stored: storedFiles().length, audits: (await auditRows()).length };
    const exe = await upload("xa1", { name: "virus.exe", content: Buffer.from("MZ......") });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.message).toMatch(/Loại tệp không được chấp nhận/);
    const disguised = await upload("xa1", { name: "anh.pdf", content: Buffer.from("MZ......") });
    expect(disguised.statusCode).toBe(415);
    const large = Buffer.concat([tinyPdf, Buffer.alloc(10 * 1024 * 1024 + 1, 0x20)]);
    const tooLarge = await upload("xa1", { name: "lon.pdf", content: large });
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error.message).toMatch(/^Tệp .*quá/);
    const unknown = await upload(
      "xa1",
      { name: "a.pdf", content: tinyPdf },
      { indicatorCode: "9.9" },
    );
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/không có chỉ tiêu mã 9.9/);
    expect(storedFiles()).toHaveLength(before.stored);
    expect((await auditRows()).length).toBe(before.audits);
    expect((await call("xa1", "GET", files())).json().files).toHaveLength(1);
  });

  it("is refused to another commune's officer, a viewer and another province, nothing stored", async () => {
    const before = storedFiles().length;
    const id = (await call("xa1", "GET", files())).json().files[0].id as number;
    for (const user of ["xa3", "xem", "admin2", "xa21"]) {
      const response = await upload(user, { name: fileName, content: tinyPdf });
      expect([403, 404], `${user}: ${response.body}`).toContain(response.statusCode);
      expect((await call(user, "DELETE", `/api/village-evidence/${id}`)).statusCode).toBeOneOf([
        403, 404,
      ]);
    }
    for (const user of ["xa3", "admin2", "xa21"]) {
      expect((await call(user, "GET", files())).statusCode).toBeOneOf([403, 404]);
      expect((await call(user, "GET", `/api/village-evidence/${id}`)).statusCode).toBeOneOf([
        403, 404,
      ]);
    }
    expect(storedFiles()).toHaveLength(before);
  });

  it("cannot be reached through the commune evidence routes by its id", async () => {
    const id = (await call("xa1", "GET", files())).json().files[0].id as number;
    expect((await call("xa1", "GET", `/api/evidence/${id}`)).statusCode).toBe(404);
    expect((await call("xa1", "DELETE", `/api/evidence/${id}`)).statusCode).toBe(404);
    expect((await call("xa1", "GET", files())).json().files).toHaveLength(1);
  });

  it("is kept by the orphan-file sweep once older than the grace period", async () => {
    const sweep = await sweepOrphanFiles(t.database.db, createLocalStorage(t.dataDir), {
      now: new Date(Date.now() + 2 * 3600_000),
      dryRun: false,
      by: { id: systemUser.id, username: systemUser.username },
    });
    expect(sweep.orphans.map((object) => object.key)).not.toContainEqual(
      expect.stringContaining(`evidence/${village}/`),
    );
    expect(storedFiles()).toHaveLength(1);
    const id = (await call("xa1", "GET", files())).json().files[0].id as number;
    expect((await call("xa1", "GET", `/api/village-evidence/${id}`)).statusCode).toBe(200);
  });

  it("is removed by the province's staff who may write villages, file and row, audited", async () => {
    const id = (await call("xa1", "GET", files())).json().files[0].id as number;
    const removed = await call("vpdp", "DELETE", `/api/village-evidence/${id}`);
    expect(removed.statusCode, removed.body).toBe(200);
    expect(storedFiles()).toEqual([]);
    expect((await call("xa1", "GET", files())).json().files).toEqual([]);
    expect((await call("xa1", "GET", `/api/village-evidence/${id}`)).statusCode).toBe(404);
    expect((await auditRows()).map((row) => [row.action, row.actor])).toEqual([
      ["village.evidence.upload", "xa1"],
      ["village.evidence.delete", "vpdp"],
    ]);
  });
});
