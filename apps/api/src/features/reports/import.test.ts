import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ImportRejected, ImportReport } from "@ntm/contracts";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { maxImportBytes } from "./import.routes.ts";
import { multipartBody, multipartContentType } from "../../test/multipart.ts";

/** A file as the import form sends it. */
function fileForm(name: string, content: Buffer) {
  return multipartBody({}, { name, content });
}

let t: TestApp;
let huyen: string;

async function upload(
  name: string,
  content: Buffer,
  options: { cookie?: string; dryRun?: boolean } = {},
) {
  return t.app.inject({
    method: "POST",
    url: `/api/import/values${options.dryRun ? "?dryRun=true" : ""}`,
    headers: {
      cookie: options.cookie ?? huyen,
      "content-type": multipartContentType,
    },
    payload: fileForm(name, content),
  });
}

/** A file with wrong cells is answered 422 with the report of every wrong cell. */
function rejectedReport(response: { statusCode: number; json: () => unknown }): ImportReport {
  expect(response.statusCode).toBe(422);
  const body = response.json() as ImportRejected;
  expect(body.error.code).toBe("IMPORT_REJECTED");
  expect(body.error.message).toContain(`Tệp có ${body.report.errorCount} lỗi`);
  return body.report;
}

async function template(): Promise<ExcelJS.Workbook> {
  const response = await t.app.inject({
    method: "GET",
    url: "/api/import/template?unit=D01&year=2024",
    headers: { cookie: huyen },
  });
  expect(response.statusCode).toBe(200);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
  return workbook;
}

async function workbookBuffer(workbook: ExcelJS.Workbook) {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A template filled for both communes of D01; `edit` changes cells before it is written. */
async function filled(edit: (sheet: ExcelJS.Worksheet) => void = () => undefined) {
  const workbook = await template();
  const sheet = workbook.getWorksheet("Số liệu")!;
  sheet.getRow(4).values = ["X01", "Xã Đăk Pék", 2024, 85, "Đạt", 50, 3];
  sheet.getRow(5).values = ["X02", "Xã Đăk Choong", 2024, "70,5", "Không đạt", 30, 12];
  edit(sheet);
  return workbookBuffer(workbook);
}

async function scorecard(code: string) {
  const response = await t.app.inject({
    method: "GET",
    url: `/api/units/${code}/scorecard?year=2024`,
    headers: { cookie: huyen },
  });
  return response.json() as { criteriaMet: number; assessment: { version: number } };
}

beforeAll(async () => {
  t = await createTestApp();
  huyen = await loginAs(t.app, "huyen");
});
afterAll(async () => t.close());

describe("import template", () => {
  it("has one row per assessed commune of the district, one column per indicator, and instructions", async () => {
    const workbook = await template();
    expect(workbook.worksheets.map((s) => s.name)).toEqual(["Số liệu", "Hướng dẫn"]);
    const sheet = workbook.getWorksheet("Số liệu")!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      "ma_xa",
      "ten_xa",
      "nam",
      "3.1",
      "3.2",
      "10.1",
      "10.2",
    ]);
    expect(sheet.getCell("D2").value).toBe("Tỷ lệ diện tích được tưới tiêu chủ động");
    expect(sheet.getCell("E3").value).toBe("Đạt hoặc Không đạt");
    expect(sheet.getCell("G3").value).toBe("hộ, số nguyên");
    expect([sheet.getCell("A4").value, sheet.getCell("A5").value].sort()).toEqual(["X01", "X02"]);
    expect(sheet.getCell("A6").value).toBeNull();
    expect(sheet.getCell("E4").dataValidation?.formulae).toEqual(['"Đạt,Không đạt"']);
  });

  it("is refused outside the account's scope", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/import/template?unit=D02&year=2024",
      headers: { cookie: huyen },
    });
    expect(response.statusCode).toBe(403);
  });
});

describe("import of the template", () => {
  it("reports two bad cells by commune and indicator, writes nothing, then imports once fixed", async () => {
    const before = await scorecard("X01");
    const bad = await filled((sheet) => {
      sheet.getCell("D4").value = 120;
      sheet.getCell("G5").value = "mười hai";
    });
    const report = rejectedReport(await upload("mau.xlsx", bad));
    expect(report.ok).toBe(false);
    expect(report.errorCount).toBe(2);
    expect(report.errors.map((e) => [e.cell, e.unitCode, e.indicatorCode])).toEqual([
      ["Số liệu!D4", "X01", "3.1"],
      ["Số liệu!G5", "X02", "10.2"],
    ]);
    expect(report.errors[0]?.message).toContain("tỷ lệ phải từ 0 đến 100");
    expect(report.errors[0]?.unitName).toBe("Xã Đăk Pék");
    expect(report.errors[1]?.message).toContain('"mười hai" không phải là số');
    expect((await scorecard("X01")).assessment.version).toBe(before.assessment.version);

    const dry = (await upload("mau.xlsx", await filled(), { dryRun: true })).json() as ImportReport;
    expect(dry).toMatchObject({ ok: true, dryRun: true, values: 8, valuesChanged: 8 });
    expect((await scorecard("X01")).assessment.version).toBe(before.assessment.version);

    const done = (await upload("mau.xlsx", await filled())).json() as ImportReport;
    expect(done).toMatchObject({
      ok: true,
      dryRun: false,
      format: "wide",
      values: 8,
      valuesChanged: 8,
      units: 2,
    });
    const x01 = done.changes.find((c) => c.unitCode === "X01");
    expect(x01).toMatchObject({ valuesChanged: 4, criteriaMetAfter: 2, criteriaTotal: 2 });
    expect((await scorecard("X01")).criteriaMet).toBe(2);
    expect((await scorecard("X02")).criteriaMet).toBe(0);

    const again = (await upload("mau.xlsx", await filled())).json() as ImportReport;
    expect(again).toMatchObject({ ok: true, valuesChanged: 0, changes: [] });
  });
});

describe("malformed files", () => {
  const cases: [string, (sheet: ExcelJS.Worksheet) => void, string, string][] = [
    [
      "a formula",
      (s) => {
        s.getCell("F4").value = { formula: "40+10", result: 50 };
      },
      "Số liệu!F4",
      "công thức",
    ],
    [
      "text in a number cell",
      (s) => {
        s.getCell("F4").value = "khoảng 50";
      },
      "Số liệu!F4",
      "không phải là số",
    ],
    [
      "an ambiguous dotted number",
      (s) => {
        s.getCell("F4").value = "1.234";
      },
      "Số liệu!F4",
      "không rõ nghĩa",
    ],
    [
      "a decimal in an integer indicator",
      (s) => {
        s.getCell("G4").value = "2,5";
      },
      "Số liệu!G4",
      "phải là số nguyên",
    ],
    [
      "a bad yes/no",
      (s) => {
        s.getCell("E4").value = "chắc có";
      },
      "Số liệu!E4",
      "không phải Đạt/Không đạt",
    ],
    [
      "a date",
      (s) => {
        s.getCell("F4").value = new Date("2024-01-02");
      },
      "Số liệu!F4",
      "ngày tháng",
    ],
    [
      "an extra column",
      (s) => {
        s.getCell("H1").value = "ghi chú riêng";
        s.getCell("H4").value = "x";
      },
      "Số liệu!H1",
      "Cột thừa",
    ],
    [
      "an extra column without a header",
      (s) => {
        s.getCell("I4").value = 5;
      },
      "Số liệu!I1",
      "cột thừa",
    ],
    [
      "a duplicate commune",
      (s) => {
        s.getRow(6).values = ["X01", "", 2024, 10];
      },
      "Số liệu!A6",
      "xuất hiện hai lần",
    ],
    [
      "an unknown commune",
      (s) => {
        s.getRow(6).values = ["X99", "", 2024, 10];
      },
      "Số liệu!A6",
      'không có đơn vị hành chính mã "X99"',
    ],
    [
      "a commune outside the district",
      (s) => {
        s.getRow(6).values = ["X03", "", 2024, 10];
      },
      "Số liệu!A6",
      "ngoài phạm vi",
    ],
    [
      "a town not assessed",
      (s) => {
        s.getRow(6).values = ["W01", "", 2024, 10];
      },
      "Số liệu!A6",
      "không phải xã tham gia",
    ],
    [
      "a missing commune code",
      (s) => {
        s.getRow(6).values = ["", "", 2024, 10];
      },
      "Số liệu!A6",
      "thiếu mã xã",
    ],
    [
      "a bad year",
      (s) => {
        s.getCell("C4").value = "năm nay";
      },
      "Số liệu!C4",
      "không hợp lệ",
    ],
    [
      "merged cells",
      (s) => {
        s.mergeCells("D4:D5");
      },
      "Số liệu!D4:D5",
      "ô gộp",
    ],
  ];
  it.each(cases)(
    "%s is reported at its cell and nothing is written",
    async (_name, edit, cell, message) => {
      const before = await scorecard("X01");
      const report = rejectedReport(await upload("mau.xlsx", await filled(edit)));
      expect(report.ok).toBe(false);
      const error = report.errors.find((e) => e.cell === cell);
      expect(error?.message).toContain(message);
      expect((await scorecard("X01")).assessment.version).toBe(before.assessment.version);
    },
  );

  it.each<[string, Buffer, number, string]>([
    ["a PDF", Buffer.from("%PDF-1.4 something"), 415, "không phải bảng tính"],
    ["an old .xls", Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]), 415, ".xls"],
    [
      "a damaged workbook",
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]),
      400,
      "Không đọc được tệp Excel",
    ],
    ["an empty file", Buffer.alloc(0), 400, "Tệp rỗng"],
    ["a CSV without a known header", Buffer.from("a,b,c\n1,2,3\n"), 400, "không phải tiêu đề"],
  ])("%s is refused with a clear message", async (_name, content, status, message) => {
    const name = _name.includes("CSV") ? "x.csv" : _name.includes("PDF") ? "x.pdf" : "x.xlsx";
    const response = await upload(name, content);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.message).toContain(message);
  });

  it("refuses a workbook without the data sheet, naming the sheets it has", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").addRow(["xin chào"]);
    const response = await upload("x.xlsx", await workbookBuffer(workbook));
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain('"Sheet1"');
  });

  it("refuses a file over the limit with 413", async () => {
    const response = await upload("big.csv", Buffer.alloc(maxImportBytes + 10, 0x41));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe("PAYLOAD_TOO_LARGE");
  });
});

describe("long format", () => {
  it("accepts a semicolon CSV with Vietnamese decimal commas", async () => {
    const csv =
      "ma_don_vi;ma_chi_tieu;nam;gia_tri\nX01;3.1;2024;81,5\nX01;3.2;2024;Có\nX02;10.1;2024;46\n";
    const report = (await upload("dai.csv", Buffer.from(csv))).json() as ImportReport;
    expect(report).toMatchObject({ ok: true, format: "long", values: 3 });
  });

  it("reports unknown indicators, duplicates and extra columns in a long XLSX", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Dữ liệu");
    sheet.addRow(["ma_don_vi", "ma_chi_tieu", "nam", "gia_tri", "thừa"]);
    sheet.addRow(["X01", "99.9", 2024, 5]);
    sheet.addRow(["X01", "3.1", 2024, 80]);
    sheet.addRow(["X01", "3.1", 2024, 82]);
    const report = rejectedReport(await upload("dai.xlsx", await workbookBuffer(workbook)));
    expect(report.ok).toBe(false);
    expect(report.errors.map((e) => e.cell)).toEqual(["Dữ liệu!E1", "Dữ liệu!A4", "Dữ liệu!D2"]);
    expect(report.errors[2]?.message).toContain('Không có chỉ tiêu mã "99.9"');
  });

  it("lets a department import only its own criteria", async () => {
    const department = await loginAs(t.app, "so-nn");
    const csv = "ma_don_vi,ma_chi_tieu,nam,gia_tri\nX01,3.1,2024,90\nX01,10.1,2024,50\n";
    const report = rejectedReport(
      await upload("dai.csv", Buffer.from(csv), { cookie: department }),
    );
    expect(report.ok).toBe(false);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.message).toContain("không thuộc sở, ngành");
  });
});

describe("export", () => {
  it("streams the district's values as CSV that imports back unchanged", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/export/values?unit=D01&year=2024&format=csv",
      headers: { cookie: huyen },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-disposition"]).toContain("so-lieu-D01-2024.csv");
    const lines = response.body
      .replace(/^\ufeff/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toBe("ma_don_vi,ten_don_vi,ma_chi_tieu,nam,gia_tri,ghi_chu");
    expect(lines.length).toBeGreaterThan(4);
    const report = (await upload("back.csv", Buffer.from(response.body))).json() as ImportReport;
    expect(report).toMatchObject({ ok: true, valuesChanged: 0 });
  });

  it("writes an XLSX the long-format import reads", async () => {
    const response = await t.app.inject({
      method: "GET",
      url: "/api/export/values?unit=X01&year=2024",
      headers: { cookie: huyen },
    });
    expect(response.statusCode).toBe(200);
    const report = (await upload("back.xlsx", response.rawPayload)).json() as ImportReport;
    expect(report).toMatchObject({ ok: true, format: "long", valuesChanged: 0 });
  });
});

describe("streamed progress (Accept: application/x-ndjson)", () => {
  const streamed = (name: string, content: Buffer) =>
    t.app.inject({
      method: "POST",
      url: "/api/import/values?dryRun=true",
      headers: {
        cookie: huyen,
        accept: "application/x-ndjson",
        "content-type": multipartContentType,
      },
      payload: fileForm(name, content),
    });
  const linesOf = (body: string) =>
    body
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it("sends the check's progress line by line, then the report", async () => {
    const csv = [
      "ma_don_vi,ma_chi_tieu,nam,gia_tri",
      ...Array.from({ length: 4500 }, (_, i) => `ZZ${i},1.1,2024,1`),
    ].join("\n");
    const response = await streamed("lon.csv", Buffer.from(csv));
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("application/x-ndjson");
    const lines = linesOf(response.body);
    const checks = lines
      .map((line) => line.progress as { phase: string; done: number; total: number } | undefined)
      .filter((progress) => progress?.phase === "check")
      .map((progress) => progress!.done);
    expect(checks).toEqual([0, 2000, 4000, 4500]);
    const report = lines.at(-1)!.report as ImportReport;
    expect(report).toMatchObject({ ok: false, errorCount: 4500 });
    expect(lines.at(-1)!.error).toMatchObject({ code: "IMPORT_REJECTED" });
  });

  it("ends with an error line when the file cannot be read", async () => {
    const response = await streamed("hong.xlsx", Buffer.from("PK\u0003\u0004 không phải zip"));
    expect(response.statusCode).toBe(200);
    const last = linesOf(response.body).at(-1)!;
    expect(last.error).toMatchObject({ code: "VALIDATION_FAILED" });
    expect((last.error as { message: string }).message).toContain("Không đọc được tệp Excel");
  });
});
