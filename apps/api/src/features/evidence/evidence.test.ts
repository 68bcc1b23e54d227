import { readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EvidenceDto, ScorecardResponse } from "@ntm/contracts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { multipartBody, multipartContentType } from "../../test/multipart.ts";

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  for (const user of ["xa1", "xa3", "huyen", "xem", "so-nn"]) {
    cookies[user] = await loginAs(t.app, user);
  }
});
afterAll(() => t.close());

function upload(
  user: string,
  file: { name: string; content: Buffer; type?: string } | undefined,
  options: { code?: string; indicatorCode?: string } = {},
) {
  return t.app.inject({
    method: "POST",
    url: `/api/units/${options.code ?? "X01"}/assessments/2024/evidence`,
    headers: {
      cookie: cookies[user] as string,
      "content-type": multipartContentType,
    },
    payload: multipartBody({ indicatorCode: options.indicatorCode ?? "3.1" }, file),
  });
}

function pdf(size = 0): Buffer {
  const head = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n");
  const tail = Buffer.from("\n%%EOF\n");
  const padding = Buffer.alloc(Math.max(0, size - head.length - tail.length), 0x20);
  return Buffer.concat([head, padding, tail]);
}

function download(user: string, id: number) {
  return t.app.inject({
    method: "GET",
    url: `/api/evidence/${id}`,
    headers: { cookie: cookies[user] as string },
  });
}

async function scorecard(user = "xa1") {
  const response = await t.app.inject({
    method: "GET",
    url: "/api/units/X01/scorecard?year=2024",
    headers: { cookie: cookies[user] as string },
  });
  expect(response.statusCode).toBe(200);
  return response.json<ScorecardResponse>();
}

function storedFiles(): string[] {
  const folder = join(t.dataDir, "evidence", "X01", "2024");
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

const fileName = "Biên bản kiểm tra thủy lợi.pdf";
const content = pdf();
let uploaded: EvidenceDto;

describe("upload and download", () => {
  it("stores a small PDF with 201 and shows it in the scorecard", async () => {
    const response = await upload("xa1", { name: fileName, content, type: "application/pdf" });
    expect(response.statusCode, response.body).toBe(201);
    uploaded = response.json<EvidenceDto>();
    expect(uploaded).toMatchObject({
      indicatorCode: "3.1",
      fileName,
      mimeType: "application/pdf",
      size: content.length,
      uploadedBy: "xa1",
    });
    expect(storedFiles()).toHaveLength(1);
    const card = await scorecard();
    expect(card.evidence["3.1"]).toEqual([uploaded]);
    expect(card.evidence["3.2"]).toBeUndefined();
  });

  it("returns the same bytes with the file name in content-disposition", async () => {
    const response = await download("xa1", uploaded.id);
    expect(response.statusCode).toBe(200);
    expect(response.rawPayload.equals(content)).toBe(true);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent(fileName)}`,
    );
  });

  it("lets the district and a viewer download it, but not another commune's officer", async () => {
    expect((await download("huyen", uploaded.id)).statusCode).toBe(200);
    expect((await download("xem", uploaded.id)).statusCode).toBe(200);
    const other = await download("xa3", uploaded.id);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe("FORBIDDEN");
    expect(other.body).not.toContain("%PDF");
  });

  it("answers an unknown file with 404 and requires a session", async () => {
    const missing = await download("xa1", 999999);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toBe("Không tìm thấy tệp minh chứng.");
    const anonymous = await t.app.inject({ method: "GET", url: `/api/evidence/${uploaded.id}` });
    expect(anonymous.statusCode).toBe(401);
  });

  it("accepts a PDF larger than the 1 MB JSON body limit", async () => {
    const big = pdf(3 * 1024 * 1024);
    const response = await upload(
      "xa1",
      { name: "ban-do.pdf", content: big },
      { indicatorCode: "3.2" },
    );
    expect(response.statusCode, response.body).toBe(201);
    const id = response.json<EvidenceDto>().id;
    expect(response.json<EvidenceDto>().size).toBe(big.length);
    const back = await download("xa1", id);
    expect(back.rawPayload.equals(big)).toBe(true);
    const removed = await t.app.inject({
      method: "DELETE",
      url: `/api/evidence/${id}`,
      headers: { cookie: cookies.xa1 as string },
    });
    expect(removed.statusCode).toBe(200);
  });
});

describe("refused uploads store nothing", () => {
  it("refuses a .pdf that holds plain text with 415", async () => {
    const response = await upload("xa1", {
      name: "gia-mao.pdf",
      content: Buffer.from("chỉ là văn bản"),
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    expect(response.json().error.message).toMatch(/nội dung không khớp đuôi tệp/);
  });

  it("refuses an .exe with 415, even one whose bytes look like a PDF", async () => {
    const exe = await upload("xa1", {
      name: "setup.exe",
      content: Buffer.from("MZ\x90\x00\x03\x00", "latin1"),
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const disguised = await upload("xa1", { name: "tai-lieu.pdf.exe", content: pdf() });
    expect(disguised.statusCode).toBe(415);
  });

  it("refuses a file over 10 MB with 413", async () => {
    const response = await upload("xa1", {
      name: "qua-lon.pdf",
      content: pdf(10 * 1024 * 1024 + 1),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses an unknown indicator with 400", async () => {
    const response = await upload(
      "xa1",
      { name: "a.pdf", content: pdf() },
      { indicatorCode: "99.9" },
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toBe("Không có chỉ tiêu mã 99.9.");
  });

  it("refuses a request without a file with 400", async () => {
    const response = await upload("xa1", undefined);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe("VALIDATION_FAILED");
  });

  it("refuses a JSON body with 415", async () => {
    const response = await t.app.inject({
      method: "POST",
      url: "/api/units/X01/assessments/2024/evidence",
      headers: { cookie: cookies.xa1 as string },
      payload: { indicatorCode: "3.1" },
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses an upload to another commune (403) and by a viewer (403)", async () => {
    expect((await upload("xa3", { name: "a.pdf", content: pdf() })).statusCode).toBe(403);
    expect((await upload("xem", { name: "a.pdf", content: pdf() })).statusCode).toBe(403);
  });

  it("left only the first upload on disk and in the scorecard", async () => {
    expect(storedFiles()).toHaveLength(1);
    const card = await scorecard();
    expect(card.evidence).toEqual({ "3.1": [uploaded] });
  });
});

describe("delete", () => {
  it("refuses another commune and a viewer with 403", async () => {
    for (const user of ["xa3", "xem"]) {
      const response = await t.app.inject({
        method: "DELETE",
        url: `/api/evidence/${uploaded.id}`,
        headers: { cookie: cookies[user] as string },
      });
      expect(response.statusCode).toBe(403);
    }
    expect((await download("xa1", uploaded.id)).statusCode).toBe(200);
  });

  it("deletes the file and records upload and delete in the history", async () => {
    const response = await t.app.inject({
      method: "DELETE",
      url: `/api/evidence/${uploaded.id}`,
      headers: { cookie: cookies.xa1 as string },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true });
    expect((await download("xa1", uploaded.id)).statusCode).toBe(404);
    expect(storedFiles()).toEqual([]);
    expect((await scorecard()).evidence).toEqual({});

    const history = await t.app.inject({
      method: "GET",
      url: "/api/units/X01/assessments/2024/history?indicator=3.1",
      headers: { cookie: cookies.xa1 as string },
    });
    expect(history.statusCode).toBe(200);
    const entries = history.json().entries;
    expect(entries.map((entry: { action: string }) => entry.action)).toEqual([
      "evidence.delete",
      "evidence.upload",
    ]);
    expect(entries[0]).toMatchObject({
      username: "xa1",
      entityKey: "X01/2024/3.1",
      oldValue: { evidenceId: uploaded.id, fileName, size: content.length },
      newValue: null,
    });
    expect(entries[1].newValue).toEqual({
      evidenceId: uploaded.id,
      fileName,
      size: content.length,
    });
  });
});

describe("a department's evidence: only of the criteria it is in charge of", () => {
  // so-nn is in charge of criterion 3 (indicators 3.1, 3.2) of the fixture set, not of 10.
  let own: EvidenceDto;

  function remove(user: string, id: number) {
    return t.app.inject({
      method: "DELETE",
      url: `/api/evidence/${id}`,
      headers: { cookie: cookies[user] as string },
    });
  }

  it("uploads evidence of its own criterion with 201", async () => {
    const response = await upload("so-nn", { name: "thuy-loi.pdf", content: pdf() });
    expect(response.statusCode, response.body).toBe(201);
    own = response.json<EvidenceDto>();
    expect(own.indicatorCode).toBe("3.1");
  });

  it("refuses evidence of another criterion with 403 and stores nothing", async () => {
    const before = storedFiles();
    const response = await upload(
      "so-nn",
      { name: "thu-nhap.pdf", content: pdf() },
      { indicatorCode: "10.1" },
    );
    expect(response.statusCode).toBe(403);
    expect(response.json().error).toEqual({
      code: "FORBIDDEN",
      message: "Tiêu chí 10 không thuộc sở, ngành của bạn phụ trách.",
    });
    expect(storedFiles()).toEqual(before);
    expect((await scorecard()).evidence["10.1"]).toBeUndefined();
  });

  it("refuses to delete another criterion's evidence with 403, and deletes its own", async () => {
    const commune = await upload(
      "xa1",
      { name: "thu-nhap.pdf", content: pdf() },
      { indicatorCode: "10.1" },
    );
    expect(commune.statusCode).toBe(201);
    const foreign = commune.json<EvidenceDto>();
    const refused = await remove("so-nn", foreign.id);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe(
      "Tiêu chí 10 không thuộc sở, ngành của bạn phụ trách.",
    );
    expect((await download("xa1", foreign.id)).statusCode).toBe(200);
    expect((await remove("so-nn", own.id)).statusCode).toBe(200);
    expect((await scorecard()).evidence).toEqual({ "10.1": [foreign] });
  });
});
