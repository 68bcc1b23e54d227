import type { AddressInfo } from "node:net";
import { sql } from "drizzle-orm";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bigWorkbook } from "../../test/big-workbook.ts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { uploadLimits } from "./read-sheet.ts";
import { multipartBody, multipartContentType } from "../../test/multipart.ts";

/** A file as the import form sends it. */
function fileForm(name: string, content: Buffer) {
  return multipartBody({}, { name, content });
}

let t: TestApp;
let huyen: string;
let baseUrl: string;

const upload = (name: string, content: Buffer) =>
  t.app.inject({
    method: "POST",
    url: "/api/import/values",
    headers: { cookie: huyen, "content-type": multipartContentType },
    payload: fileForm(name, content),
  });

async function storedValueCount() {
  const result = (await t.database.db.execute(
    sql`select count(*)::int as count from assessment_values`,
  )) as unknown as { rows: { count: number }[] };
  return result.rows[0]?.count;
}

/** Sets the unpacked size a ZIP's central directory declares for one part. */
function declareUnpackedSize(zip: Buffer, part: string, bytes: number) {
  const name = Buffer.from(part);
  for (let offset = zip.length - 22; offset >= 0; offset -= 1) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) continue;
    const length = zip.readUInt16LE(offset + 28);
    if (length === name.length && zip.subarray(offset + 46, offset + 46 + length).equals(name)) {
      zip.writeUInt32LE(bytes, offset + 24);
      return zip;
    }
  }
  throw new Error(`no part ${part}`);
}

beforeAll(async () => {
  t = await createTestApp();
  huyen = await loginAs(t.app, "huyen");
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => t.close());

describe("import limits", () => {
  const rowLimit = uploadLimits.rows.toLocaleString("vi-VN");

  it("refuses a template filled down past the row limit with 413 naming the limit, writing nothing", async () => {
    const before = await storedValueCount();
    const response = await upload("do-xuong.xlsx", bigWorkbook(uploadLimits.rows + 10, "wide"));
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(response.json().error.message).toContain(`hơn ${rowLimit} dòng`);
    expect(await storedValueCount()).toBe(before);
  });

  it("refuses a long CSV past the row limit the same way, in English when asked", async () => {
    const lines = ["ma_don_vi,ma_chi_tieu,nam,gia_tri"];
    for (let index = 0; index < uploadLimits.rows + 5; index += 1) lines.push("X01,3.1,2024,1");
    const response = await t.app.inject({
      method: "POST",
      url: "/api/import/values",
      headers: {
        cookie: huyen,
        "accept-language": "en",
        "content-type": multipartContentType,
      },
      payload: fileForm("dai.csv", Buffer.from(lines.join("\n"))),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toContain(
      `more than ${uploadLimits.rows.toLocaleString("en-US")} rows`,
    );
  });

  it("refuses a row wider than the column limit, naming the row", async () => {
    const wide = [
      "ma_xa",
      "nam",
      ...Array.from({ length: uploadLimits.columns }, (_, i) => `c${i}`),
    ];
    const response = await upload("rong.csv", Buffer.from(`${wide.join(",")}\nX01,2024\n`));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toContain(`Dòng 1 có hơn ${uploadLimits.columns} cột`);
  });

  it("refuses a workbook that declares more unpacked data than the limit before unpacking it", async () => {
    const workbook = declareUnpackedSize(
      bigWorkbook(10, "long"),
      "xl/worksheets/sheet1.xml",
      uploadLimits.unpackedBytes + 1,
    );
    const response = await upload("bom.xlsx", workbook);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toContain("khi giải nén lớn hơn 200 MB");
  });

  it("refuses an upload over the size limit from its Content-Length, naming the limit", async () => {
    const response = await upload("lon.csv", Buffer.alloc(uploadLimits.bytes + 100_000, 0x41));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.message).toContain("tối đa 20 MB");
  });

  it("streams past a first sheet of instructions to the data sheet, skipping rows without content", async () => {
    const workbook = new ExcelJS.Workbook();
    const notes = workbook.addWorksheet("Hướng dẫn");
    for (let row = 1; row <= 500; row += 1) notes.addRow([`Dòng hướng dẫn ${row}`]);
    const data = workbook.addWorksheet("Dữ liệu");
    data.getRow(1).getCell(1).fill = {
      type: "pattern",
      pattern: "solid",
      fgColor: { argb: "FFFF00" },
    };
    data.addRow(["ma_don_vi", "ma_chi_tieu", "nam", "gia_tri"]);
    data.addRow(["X01", "3.1", 2024, "81,5"]);
    const response = await t.app.inject({
      method: "POST",
      url: "/api/import/values?dryRun=true",
      headers: { cookie: huyen, "content-type": multipartContentType },
      payload: fileForm("hai-trang.xlsx", Buffer.from(await workbook.xlsx.writeBuffer())),
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      ok: true,
      sheet: "Dữ liệu",
      format: "long",
      values: 1,
    });
  });

  it("keeps answering /api/health while it reads an oversized workbook, then refuses it", async () => {
    const file = bigWorkbook(uploadLimits.rows + 10, "wide");
    const importing = await fetch(`${baseUrl}/api/import/values?dryRun=true`, {
      method: "POST",
      headers: {
        cookie: huyen,
        accept: "application/x-ndjson",
        "content-type": multipartContentType,
      },
      body: fileForm("do-xuong.xlsx", file),
    });
    expect(importing.status).toBe(200);
    const reader = importing.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = "";
    const lines: Record<string, unknown>[] = [];
    const nextLine = async () => {
      while (!buffered.includes("\n")) {
        const { value, done } = await reader.read();
        if (done) return undefined;
        buffered += value;
      }
      const end = buffered.indexOf("\n");
      const line = JSON.parse(buffered.slice(0, end)) as Record<string, unknown>;
      buffered = buffered.slice(end + 1);
      lines.push(line);
      return line;
    };
    // Wait until the file is being read: a progress line part-way through its bytes.
    let line = await nextLine();
    const partWay = (candidate: Record<string, unknown> | undefined) => {
      const progress = candidate?.progress as { phase: string; done: number } | undefined;
      return progress?.phase === "read" && progress.done > 0;
    };
    while (line && !partWay(line)) line = await nextLine();
    expect(partWay(line)).toBe(true);

    // The health check must answer while the rest of the file is still being read.
    const health = fetch(`${baseUrl}/api/health`).then((response) => {
      expect(response.status).toBe(200);
      return "health";
    });
    const rest = (async () => {
      while (await nextLine());
      return "import";
    })();
    expect(await Promise.race([health, rest])).toBe("health");
    await rest;
    const last = lines.at(-1)!;
    expect(last.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect((last.error as { message: string }).message).toContain(`hơn ${rowLimit} dòng`);
  });
});
