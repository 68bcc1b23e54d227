import { invalid } from "../../http/app-error.ts";
import { columnLetter, type ReadCell, type ReadRow } from "./read-sheet.ts";

/** One cell of a value to check: where it is, whose value of which indicator, and as read. */
export interface Entry {
  row: number;
  column: number;
  unitCode: string;
  year: number;
  indicatorCode: string;
  raw: ReadCell;
  note?: string | null;
}

export type AddError = (
  row: number,
  column: number,
  message: string,
  about?: { unitCode?: string | null; year?: number; indicatorCode?: string | null },
) => void;

const wideUnitColumn = "ma_xa";
const wideNameColumn = "ten_xa";
const wideYearColumn = "nam";
const longColumns = {
  unit: ["ma_don_vi", "unit_code", "ma_xa"],
  indicator: ["ma_chi_tieu", "indicator_code"],
  year: ["nam", "year"],
  value: ["gia_tri", "value"],
  note: ["ghi_chu", "note"],
};

export const textOf = (cell: ReadCell | undefined) =>
  cell === null || cell === undefined || typeof cell === "object" ? "" : String(cell).trim();

/** A row of the template that describes the columns rather than a commune: "(…)". */
const isDescriptionRow = (cells: ReadCell[]) => textOf(cells[0]).startsWith("(");

function readYear(cell: ReadCell | undefined): number | string {
  const text = textOf(cell);
  if (text === "") return "thiếu năm đánh giá";
  const year = Number(text);
  return Number.isInteger(year) && year >= 2000 && year <= 2100
    ? year
    : `năm "${text}" không hợp lệ (cần 4 chữ số, ví dụ 2024)`;
}

/** Turns the rows after the header into entries, one row at a time. */
export interface EntryReader {
  format: "wide" | "long";
  entriesOf(row: ReadRow): Entry[];
}

/**
 * Reads the header row and returns how the rows below it become entries: the template's wide
 * form (one row per commune, one column per indicator) or the long form (one row per value).
 * What the reader remembers grows with the communes and values of the file (to name a row
 * listed twice), never with its cells as read.
 */
export function entryReader(header: ReadRow, addError: AddError): EntryReader {
  const names = header.cells.map((cell) => textOf(cell).toLowerCase());
  const find = (candidates: string[]) => names.findIndex((name) => candidates.includes(name));
  if (names.includes(wideUnitColumn) && find(longColumns.indicator) < 0) {
    return wideReader(header, names, addError);
  }
  return longReader(header, names, find, addError);
}

function wideReader(header: ReadRow, names: string[], addError: AddError): EntryReader {
  const unitColumn = names.indexOf(wideUnitColumn);
  const yearColumn = names.indexOf(wideYearColumn);
  if (yearColumn < 0) {
    throw invalid(
      `Thiếu cột "${wideYearColumn}" (năm đánh giá) ở dòng tiêu đề. Hãy dùng mẫu tải về.`,
      `Missing the "${wideYearColumn}" (year) column.`,
    );
  }
  const isIndicatorColumn = (index: number) =>
    index !== unitColumn && index !== yearColumn && names[index] !== wideNameColumn;
  const indicatorColumns = header.cells
    .map((cell, index) => ({ code: textOf(cell), index }))
    .filter((column) => column.code !== "" && isIndicatorColumn(column.index));
  const strayReported = new Set<number>();
  const seen = new Map<string, number>();
  return {
    format: "wide",
    entriesOf(row) {
      if (isDescriptionRow(row.cells)) return [];
      row.cells.forEach((cell, index) => {
        if (textOf(cell) === "" || textOf(header.cells[index]) !== "") return;
        if (!isIndicatorColumn(index) || strayReported.has(index)) return;
        strayReported.add(index);
        addError(
          header.number,
          index + 1,
          `Cột ${columnLetter(index + 1)} có số liệu nhưng không có mã chỉ tiêu ở dòng tiêu đề (cột thừa); hãy xóa cột này.`,
        );
      });
      const unitCode = textOf(row.cells[unitColumn]);
      if (unitCode === "") {
        const hasValues = indicatorColumns.some(
          (column) =>
            textOf(row.cells[column.index]) !== "" ||
            (typeof row.cells[column.index] === "object" && row.cells[column.index] !== null),
        );
        if (hasValues)
          addError(row.number, unitColumn + 1, `Dòng ${row.number} có số liệu nhưng thiếu mã xã.`);
        return [];
      }
      const year = readYear(row.cells[yearColumn]);
      if (typeof year === "string") {
        addError(row.number, yearColumn + 1, `Dòng ${row.number} (xã ${unitCode}): ${year}.`, {
          unitCode,
        });
        return [];
      }
      const key = `${unitCode}/${year}`;
      const first = seen.get(key);
      if (first !== undefined) {
        addError(
          row.number,
          unitColumn + 1,
          `Xã ${unitCode} năm ${year} xuất hiện hai lần (dòng ${first} và dòng ${row.number}); chỉ giữ một dòng.`,
          { unitCode },
        );
        return [];
      }
      seen.set(key, row.number);
      return indicatorColumns.map((column) => ({
        row: row.number,
        column: column.index + 1,
        unitCode,
        year,
        indicatorCode: column.code,
        raw: row.cells[column.index] ?? null,
      }));
    },
  };
}

function longReader(
  header: ReadRow,
  names: string[],
  find: (candidates: string[]) => number,
  addError: AddError,
): EntryReader {
  const columns = {
    unit: find(longColumns.unit),
    indicator: find(longColumns.indicator),
    year: find(longColumns.year),
    value: find(longColumns.value),
    note: find(longColumns.note),
  };
  if (columns.unit < 0 || columns.indicator < 0 || columns.year < 0 || columns.value < 0) {
    throw invalid(
      "Dòng đầu tiên không phải tiêu đề của mẫu. Dạng theo xã cần cột ma_xa, nam và các mã chỉ tiêu; dạng dọc cần các cột ma_don_vi, ma_chi_tieu, nam, gia_tri.",
      "The first row is not a known header (ma_xa … or ma_don_vi, ma_chi_tieu, nam, gia_tri).",
    );
  }
  const known = new Set(Object.values(columns));
  names.forEach((name, index) => {
    if (!known.has(index) && name !== "" && name !== "ten_don_vi" && name !== "ten_chi_tieu") {
      addError(
        header.number,
        index + 1,
        `Cột thừa "${textOf(header.cells[index])}" (cột ${columnLetter(index + 1)}); dạng dọc chỉ gồm ma_don_vi, ma_chi_tieu, nam, gia_tri, ghi_chu.`,
      );
    }
  });
  // Per commune-year, the row of each indicator seen: a value listed twice is named with both rows.
  const seen = new Map<string, Map<string, number>>();
  return {
    format: "long",
    entriesOf(row) {
      const unitCode = textOf(row.cells[columns.unit]);
      const indicatorCode = textOf(row.cells[columns.indicator]);
      if (unitCode === "" && indicatorCode === "") return [];
      if (unitCode === "" || indicatorCode === "") {
        addError(
          row.number,
          (unitCode === "" ? columns.unit : columns.indicator) + 1,
          `Dòng ${row.number}: thiếu ${unitCode === "" ? "mã đơn vị" : "mã chỉ tiêu"}.`,
        );
        return [];
      }
      const year = readYear(row.cells[columns.year]);
      if (typeof year === "string") {
        addError(row.number, columns.year + 1, `Dòng ${row.number}: ${year}.`, { unitCode });
        return [];
      }
      const key = `${unitCode}/${year}`;
      let rows = seen.get(key);
      if (!rows) {
        rows = new Map();
        seen.set(key, rows);
      }
      const first = rows.get(indicatorCode);
      if (first !== undefined) {
        addError(
          row.number,
          columns.unit + 1,
          `Xã ${unitCode}, chỉ tiêu ${indicatorCode}, năm ${year} xuất hiện hai lần (dòng ${first} và dòng ${row.number}).`,
          { unitCode },
        );
        return [];
      }
      rows.set(indicatorCode, row.number);
      const note = columns.note >= 0 ? textOf(row.cells[columns.note]) : undefined;
      return [
        {
          row: row.number,
          column: columns.value + 1,
          unitCode,
          year,
          indicatorCode,
          raw: row.cells[columns.value] ?? null,
          ...(note ? { note } : {}),
        },
      ];
    },
  };
}
