import { PassThrough, type Readable } from "node:stream";
import type ExcelJS from "exceljs";
import type { Db } from "@ntm/db";
import { endOfYear, formatNumberVi, type Indicator } from "@ntm/domain";
import type { AuthUser } from "../auth/index.ts";
import { indexIndicators } from "../assessments/index.ts";
import { selectSetFor } from "../catalog/index.ts";
import { findDescendantsOn } from "../units/index.ts";
import { requireUnitAccess } from "../units/index.ts";
import { findValuesOf, findValuesPage } from "./import.repository.ts";
import { dataSheetName } from "./read-sheet.ts";
import { loadExcelJs } from "../../shared/lazy-packages.ts";
import { createWorkbook, workbookBuffer } from "../../shared/spreadsheets/index.ts";

function allowedText(indicator: Indicator): string {
  if (indicator.kind === "boolean") return "Đạt hoặc Không đạt";
  const parts: string[] = [
    indicator.kind === "percent" ? "%, từ 0 đến 100" : (indicator.unit ?? "số"),
  ];
  if (indicator.integer) parts.push("số nguyên");
  if (indicator.min !== undefined) parts.push(`≥ ${formatNumberVi(indicator.min)}`);
  if (indicator.max !== undefined) parts.push(`≤ ${formatNumberVi(indicator.max)}`);
  return parts.join(", ");
}

async function communesUnder(db: Db, user: AuthUser, code: string, year: number) {
  const asOf = endOfYear(year);
  const { unit, path } = await requireUnitAccess(db, { user, code, asOf, action: "unit.read" });
  const below = unit.level === "commune" ? [] : await findDescendantsOn(db, unit.code, asOf);
  const communes = (unit.level === "commune" ? [{ ...unit, parentName: null }] : below)
    .filter((row) => row.level === "commune" && row.assessed)
    .sort(
      (a, b) =>
        (a.parentName ?? "").localeCompare(b.parentName ?? "", "vi") ||
        a.name.localeCompare(b.name, "vi"),
    );
  const province =
    unit.level === "province"
      ? unit.code
      : (path.find((step) => step.level === "province")?.code ?? null);
  return { unit, communes, provinceCode: province };
}

/**
 * The import template of a province or district for a year: one row per commune (filled with the
 * values already stored), one column per indicator with its Vietnamese name, unit and allowed
 * values, a drop-down for yes/no indicators, and a sheet of instructions.
 */
export async function buildTemplate(
  db: Db,
  options: { user: AuthUser; unit: string; year: number },
) {
  const { user, year } = options;
  const { unit, communes, provinceCode } = await communesUnder(db, user, options.unit, year);
  const set = await selectSetFor(db, { year, provinceCode });
  const indicators = [...indexIndicators(set.definition).values()].map((place) => place.indicator);
  const stored = await findValuesOf(
    db,
    communes.map((c) => c.code),
    [year],
  );
  const valueOf = new Map(
    stored.map((v) => [`${v.unitCode}/${v.indicatorCode}`, v.boolValue ?? v.numValue]),
  );

  const workbook = await createWorkbook();
  const sheet = workbook.addWorksheet(dataSheetName, {
    views: [{ state: "frozen", xSplit: 3, ySplit: 3 }],
  });
  sheet.addRow(["ma_xa", "ten_xa", "nam", ...indicators.map((i) => i.code)]);
  sheet.addRow(["(tên chỉ tiêu)", "", "", ...indicators.map((i) => i.name)]);
  sheet.addRow(["(đơn vị, giá trị hợp lệ)", "", "", ...indicators.map(allowedText)]);
  for (const commune of communes) {
    sheet.addRow([
      commune.code,
      commune.parentName ? `${commune.name} (${commune.parentName})` : commune.name,
      year,
      ...indicators.map((indicator) => {
        const value = valueOf.get(`${commune.code}/${indicator.code}`);
        if (value === undefined || value === null) return null;
        if (typeof value === "boolean") return value ? "Đạt" : "Không đạt";
        return value;
      }),
    ]);
  }
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(2).alignment = { wrapText: true, vertical: "top" };
  sheet.getRow(2).height = 60;
  sheet.getRow(3).font = { italic: true, color: { argb: "FF555555" } };
  sheet.getColumn(2).width = 36;
  // Range validations exist in ExcelJS but are missing from its type declarations.
  const validations = (
    sheet as unknown as {
      dataValidations: { add: (range: string, rule: ExcelJS.DataValidation) => void };
    }
  ).dataValidations;
  indicators.forEach((indicator, index) => {
    const column = sheet.getColumn(index + 4);
    column.width = 16;
    if (communes.length === 0) return;
    const letter = column.letter;
    const range = `${letter}4:${letter}${communes.length + 3}`;
    if (indicator.kind === "boolean") {
      validations.add(range, {
        type: "list",
        allowBlank: true,
        formulae: ['"Đạt,Không đạt"'],
        showErrorMessage: true,
        errorTitle: "Giá trị không hợp lệ",
        error: "Chọn Đạt hoặc Không đạt.",
      });
    } else {
      validations.add(range, {
        type: indicator.integer ? "whole" : "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [
          indicator.kind === "percent" ? 0 : (indicator.min ?? 0),
          indicator.kind === "percent" ? 100 : (indicator.max ?? 1e12),
        ],
        showErrorMessage: true,
        errorTitle: "Giá trị không hợp lệ",
        error: allowedText(indicator),
      });
    }
  });

  const help = workbook.addWorksheet("Hướng dẫn");
  help.getColumn(1).width = 110;
  for (const line of [
    `Mẫu nhập số liệu chỉ tiêu nông thôn mới — ${unit.name}, năm ${year}`,
    `Bộ tiêu chí: ${set.name} (mã ${set.code}, phiên bản ${set.version}); ${communes.length} xã; ${indicators.length} chỉ tiêu.`,
    "",
    `1. Chỉ nhập vào trang "${dataSheetName}"; không đổi tên trang, không thêm hay xóa cột, không gộp ô.`,
    "2. Mỗi dòng là một xã (cột ma_xa); cột nam là năm đánh giá. Không sửa ba dòng tiêu đề.",
    "3. Chỉ tiêu Đạt/Không đạt: chọn trong danh sách (có thể ghi Có/Không, 1/0).",
    '4. Số thập phân ghi bằng dấu phẩy hoặc dấu chấm ("12,5" hoặc 12.5); tỷ lệ % ghi từ 0 đến 100.',
    "5. Không dùng công thức: nếu đã tính bằng công thức, hãy Sao chép → Dán đặc biệt → Giá trị.",
    "6. Ô để trống: giữ nguyên giá trị đã lưu trong hệ thống.",
    "7. Khi tải lên, hệ thống kiểm tra từng ô; nếu có lỗi sẽ liệt kê từng ô (xã, chỉ tiêu, lỗi) và chưa lưu gì.",
    "",
    "Các chỉ tiêu:",
    ...indicators.map((i) => `${i.code}  ${i.name} — ${allowedText(i)}`),
  ]) {
    help.addRow([line]);
  }
  help.getRow(1).font = { bold: true, size: 13 };
  const buffer = await workbookBuffer(workbook);
  return { buffer, fileName: `mau-nhap-${unit.code}-${year}.xlsx` };
}

const exportHeader = ["ma_don_vi", "ten_don_vi", "ma_chi_tieu", "nam", "gia_tri", "ghi_chu"];

function csvField(value: string | number | null) {
  if (value === null) return "";
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Streams the values of every commune below a unit for a year in the long format (which the
 * import accepts back), a page at a time, so memory does not grow with the file.
 */
export async function exportValues(
  db: Db,
  options: {
    user: AuthUser;
    unit: string;
    year: number;
    format: "xlsx" | "csv";
    pageSize?: number;
  },
): Promise<{ stream: Readable; fileName: string; done: Promise<number> }> {
  const { communes, unit } = await communesUnder(db, options.user, options.unit, options.year);
  const names = new Map(communes.map((c) => [c.code, c.name]));
  const unitCodes = communes.map((c) => c.code);
  const out = new PassThrough();
  const pageSize = options.pageSize ?? 5000;
  const fileName = `so-lieu-${unit.code}-${options.year}.${options.format}`;
  const writeRows = async (emit: (cells: (string | number | null)[]) => Promise<void> | void) => {
    let afterKey = "";
    let count = 0;
    for (;;) {
      const page =
        unitCodes.length === 0
          ? []
          : await findValuesPage(db, { unitCodes, year: options.year, afterKey, limit: pageSize });
      for (const value of page) {
        const shown =
          value.boolValue === null ? value.numValue : value.boolValue ? "Đạt" : "Không đạt";
        await emit([
          value.unitCode,
          names.get(value.unitCode) ?? "",
          value.indicatorCode,
          value.year,
          shown,
          value.note,
        ]);
        count += 1;
      }
      const last = page.at(-1);
      if (!last || page.length < pageSize) return count;
      afterKey = `${last.unitCode}/${last.indicatorCode}`;
    }
  };
  const done = (async () => {
    try {
      if (options.format === "csv") {
        const write = (line: string) =>
          out.write(line)
            ? undefined
            : new Promise<void>((resolve) => out.once("drain", () => resolve()));
        await write(`\ufeff${exportHeader.join(",")}\n`);
        const count = await writeRows((cells) => write(`${cells.map(csvField).join(",")}\n`));
        out.end();
        return count;
      }
      const ExcelJs = await loadExcelJs();
      const writer = new ExcelJs.stream.xlsx.WorkbookWriter({
        stream: out,
        useSharedStrings: false,
        useStyles: false,
      });
      const sheet = writer.addWorksheet(dataSheetName);
      sheet.addRow(exportHeader).commit();
      const count = await writeRows((cells) => sheet.addRow(cells).commit());
      sheet.commit();
      await writer.commit();
      return count;
    } catch (error) {
      out.destroy(error as Error);
      throw error;
    }
  })();
  done.catch(() => undefined);
  return { stream: out, fileName, done };
}
