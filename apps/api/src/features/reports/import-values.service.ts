import type { Db } from "@ntm/db";
import { can, endOfYear, parseCellValue } from "@ntm/domain";
import type { ImportCellError, ImportReport } from "@ntm/contracts";
import { invalid } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { actorOf, type AuthUser } from "../auth/index.ts";
import {
  indexIndicators,
  validateValues,
  writeValuesBulk,
  type BulkValueRow,
  type IndicatorPlace,
} from "../assessments/index.ts";
import { selectSetFor } from "../catalog/index.ts";
import { findResultsOf, findUnitsOn, findValuesOf, type UnitOnDate } from "./import.repository.ts";
import {
  columnLetter,
  commandLineLimits,
  readSheet,
  type ReadCell,
  type ReadSheet,
  type SheetLimits,
} from "./read-sheet.ts";

export interface ImportProgress {
  phase: "read" | "check" | "write" | "done";
  done: number;
  total: number;
}

export interface ImportOptions {
  user: AuthUser;
  fileName: string;
  content: Buffer;
  dryRun: boolean;
  now: Date;
  onProgress?: (progress: ImportProgress) => void;
  /** Size, rows and columns read before the file is refused; the command line's by default. */
  limits?: SheetLimits;
}

const maxListedErrors = 500;
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

interface Entry {
  row: number;
  column: number;
  unitCode: string;
  year: number;
  indicatorCode: string;
  raw: ReadCell;
  note?: string | null;
}

interface UnitCheck {
  unit: UnitOnDate;
  path: string[];
  index: Map<string, IndicatorPlace>;
  setCode: string;
}

const textOf = (cell: ReadCell | undefined) =>
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

/**
 * Checks every cell of an uploaded file, then (unless it is a dry run or something is wrong)
 * writes all the values in one transaction, re-evaluates and reports what changed. A file with
 * any error writes nothing.
 */
export async function importValues(db: Db, options: ImportOptions): Promise<ImportReport> {
  const { user, onProgress } = options;
  // Each unit and cell is checked below; an account that writes no values is refused at once.
  assertCan(user, "values.import");
  onProgress?.({ phase: "read", done: 0, total: 1 });
  const sheet = await readSheet(options.fileName, options.content, {
    limits: options.limits ?? commandLineLimits,
    onProgress: (done, total) => onProgress?.({ phase: "read", done, total }),
  });
  const errors: ImportCellError[] = [];
  let errorCount = 0;
  const cellName = (row: number, column: number) =>
    sheet.kind === "xlsx"
      ? `${sheet.sheet}!${columnLetter(column)}${row}`
      : `dòng ${row}, cột ${columnLetter(column)}`;
  const units = new Map<string, UnitCheck | string>();
  const addError = (
    row: number,
    column: number,
    message: string,
    about: { unitCode?: string | null; year?: number; indicatorCode?: string | null } = {},
  ) => {
    errorCount += 1;
    if (errors.length >= maxListedErrors) return;
    const check =
      about.unitCode && about.year ? units.get(`${about.unitCode}/${about.year}`) : undefined;
    const place =
      about.indicatorCode && check && typeof check === "object"
        ? check.index.get(about.indicatorCode)
        : undefined;
    errors.push({
      cell: cellName(row, column),
      row,
      column: columnLetter(column),
      unitCode: about.unitCode ?? null,
      unitName: check && typeof check === "object" ? check.unit.name : null,
      indicatorCode: about.indicatorCode ?? null,
      indicatorName: place?.indicator.name ?? null,
      message,
    });
  };

  for (const range of sheet.merges) {
    const [start] = range.split(":");
    const match = /^([A-Z]+)(\d+)$/.exec(start ?? "");
    errorCount += 1;
    errors.push({
      cell: `${sheet.sheet}!${range}`,
      row: match ? Number(match[2]) : 0,
      column: match?.[1] ?? "",
      unitCode: null,
      unitName: null,
      indicatorCode: null,
      indicatorName: null,
      message: `Vùng ${range} là ô gộp; hãy bỏ gộp ô (Unmerge) và ghi giá trị vào từng ô.`,
    });
  }

  const { format, entries } = collectEntries(sheet, addError);
  const total = entries.length;
  const years = [...new Set(entries.map((entry) => entry.year))].sort();

  // The hierarchy and the criteria set of each year, loaded once for the whole file.
  const setCache = new Map<string, Promise<{ index: Map<string, IndicatorPlace>; code: string }>>();
  for (const year of years) {
    const all = await findUnitsOn(db, endOfYear(year));
    const byCode = new Map(all.map((unit) => [unit.code, unit]));
    const wanted = new Set(entries.filter((e) => e.year === year).map((e) => e.unitCode));
    for (const code of wanted) {
      const unit = byCode.get(code);
      if (!unit) {
        units.set(`${code}/${year}`, `không có đơn vị hành chính mã "${code}" trong năm ${year}`);
        continue;
      }
      if (unit.level !== "commune" || !unit.assessed) {
        units.set(
          `${code}/${year}`,
          `${unit.name} (${code}) không phải xã tham gia đánh giá nông thôn mới`,
        );
        continue;
      }
      const path: string[] = [];
      for (let step: UnitOnDate | undefined = unit; step && path.length < 10;) {
        path.push(step.code);
        step = step.parentCode ? byCode.get(step.parentCode) : undefined;
      }
      const decision = can(actorOf(user), "assessment.write", { unitCode: code, path });
      if (!decision.allowed) {
        units.set(`${code}/${year}`, `${unit.name} (${code}): ${decision.reason}`);
        continue;
      }
      const provinceCode =
        path.map((c) => byCode.get(c)).find((u) => u?.level === "province")?.code ?? null;
      const key = `${year}/${provinceCode}`;
      if (!setCache.has(key)) {
        setCache.set(
          key,
          selectSetFor(db, { year, provinceCode }).then((set) => ({
            index: indexIndicators(set.definition),
            code: set.code,
          })),
        );
      }
      const set = await setCache.get(key)!;
      units.set(`${code}/${year}`, { unit, path, index: set.index, setCode: set.code });
    }
  }

  const rows: BulkValueRow[] = [];
  const reportedUnitRows = new Set<string>();
  const unknownColumns = new Set<number>();
  for (const [position, entry] of entries.entries()) {
    if (position % 2000 === 0) {
      onProgress?.({ phase: "check", done: position, total });
      // Lets the progress reach a streaming client while a large file is checked.
      if (position > 0) await new Promise((resolve) => setImmediate(resolve));
    }
    const about = {
      unitCode: entry.unitCode,
      year: entry.year,
      indicatorCode: entry.indicatorCode,
    };
    const check = units.get(`${entry.unitCode}/${entry.year}`);
    if (check === undefined || typeof check === "string") {
      const rowKey = `${entry.row}/${entry.unitCode}`;
      if (!reportedUnitRows.has(rowKey)) {
        reportedUnitRows.add(rowKey);
        addError(
          entry.row,
          format === "wide" ? 1 : entry.column,
          `Dòng ${entry.row}: ${check ?? "đơn vị không hợp lệ"}.`,
          {
            unitCode: entry.unitCode,
          },
        );
      }
      continue;
    }
    const place = check.index.get(entry.indicatorCode);
    if (!place) {
      if (format === "long") {
        addError(
          entry.row,
          entry.column,
          `Không có chỉ tiêu mã "${entry.indicatorCode}" trong bộ tiêu chí áp dụng năm ${entry.year}.`,
          about,
        );
      } else if (!unknownColumns.has(entry.column)) {
        unknownColumns.add(entry.column);
        addError(
          1,
          entry.column,
          `Cột thừa hoặc sai mã: "${entry.indicatorCode}" không phải mã chỉ tiêu của bộ tiêu chí áp dụng năm ${entry.year}; hãy xóa cột này hoặc dùng mẫu tải về.`,
          { indicatorCode: entry.indicatorCode },
        );
      }
      continue;
    }
    const where = `${check.unit.name} (${entry.unitCode}), chỉ tiêu ${entry.indicatorCode} (${place.indicator.name})`;
    if (entry.raw !== null && typeof entry.raw === "object") {
      addError(entry.row, entry.column, `${where}: ${entry.raw.refused}.`, about);
      continue;
    }
    const reading = parseCellValue(place.indicator.kind, entry.raw);
    if (!reading.ok) {
      addError(entry.row, entry.column, `${where}: ${reading.reason}.`, about);
      continue;
    }
    if (reading.value === null) continue;
    const [problem] = validateValues(check.index, [
      { indicatorCode: entry.indicatorCode, value: reading.value },
    ]);
    if (problem) {
      addError(
        entry.row,
        entry.column,
        `${check.unit.name} (${entry.unitCode}): ${problem.message}`,
        about,
      );
      continue;
    }
    if (place.criterionCode) {
      const decision = can(actorOf(user), "assessment.write", {
        unitCode: entry.unitCode,
        path: check.path,
        criterion: { setCode: check.setCode, criterionCode: place.criterionCode },
      });
      if (!decision.allowed) {
        addError(entry.row, entry.column, `${where}: ${decision.reason}`, about);
        continue;
      }
    }
    rows.push({
      unitCode: entry.unitCode,
      year: entry.year,
      indicatorCode: entry.indicatorCode,
      value: reading.value,
      ...(entry.note !== undefined ? { note: entry.note } : {}),
    });
  }
  onProgress?.({ phase: "check", done: total, total });

  const unitKeys = [...new Set(rows.map((row) => `${row.unitCode}/${row.year}`))];
  const base = {
    dryRun: options.dryRun,
    format,
    sheet: sheet.sheet,
    rows: new Set(entries.map((entry) => entry.row)).size,
    values: rows.length,
  };
  if (errorCount > 0) {
    return {
      ...base,
      ok: false,
      valuesChanged: 0,
      units: unitKeys.length,
      errorCount,
      errors,
      changes: [],
    };
  }

  const unitCodes = [...new Set(rows.map((row) => row.unitCode))];
  const stored = await findValuesOf(db, unitCodes, years);
  const storedByKey = new Map(
    stored.map((value) => [
      `${value.unitCode}/${value.year}/${value.indicatorCode}`,
      value.boolValue ?? value.numValue,
    ]),
  );
  const changed = rows.filter(
    (row) =>
      storedByKey.get(`${row.unitCode}/${row.year}/${row.indicatorCode}`) !== row.value ||
      row.note !== undefined,
  );
  const before = await findResultsOf(db, unitCodes, years);
  if (!options.dryRun && changed.length > 0) {
    onProgress?.({ phase: "write", done: 0, total: changed.length });
    await writeValuesBulk(db, {
      rows: changed,
      by: user,
      now: options.now,
      demo: false,
      source: options.fileName,
      history: true,
    });
  }
  const after = options.dryRun ? [] : await findResultsOf(db, unitCodes, years);
  onProgress?.({ phase: "done", done: total, total });

  const resultOf = (list: typeof before, key: string) =>
    list.find((result) => `${result.unitCode}/${result.year}` === key);
  const changedPerUnit = new Map<string, number>();
  for (const row of changed) {
    const key = `${row.unitCode}/${row.year}`;
    changedPerUnit.set(key, (changedPerUnit.get(key) ?? 0) + 1);
  }
  const changes = [...changedPerUnit.entries()].map(([key, count]) => {
    const [unitCode = "", year = "0"] = key.split("/");
    const check = units.get(key) as UnitCheck;
    const old = resultOf(before, key);
    const now = resultOf(after, key);
    return {
      unitCode,
      unitName: check.unit.name,
      year: Number(year),
      valuesChanged: count,
      criteriaMetBefore: old?.criteriaMet ?? null,
      criteriaMetAfter: now?.criteriaMet ?? null,
      criteriaTotal: now?.criteriaTotal ?? old?.criteriaTotal ?? null,
      levelBefore: old?.level ?? null,
      levelAfter: now?.level ?? null,
    };
  });
  return {
    ...base,
    ok: true,
    valuesChanged: changed.length,
    units: unitKeys.length,
    errorCount: 0,
    errors: [],
    changes,
  };
}

function collectEntries(
  sheet: ReadSheet,
  addError: (
    row: number,
    column: number,
    message: string,
    about?: { unitCode?: string | null },
  ) => void,
): { format: "wide" | "long"; entries: Entry[] } {
  const [header, ...body] = sheet.rows;
  if (!header) throw invalid("Trang tính không có dữ liệu.", "The sheet is empty.");
  const names = header.cells.map((cell) => textOf(cell).toLowerCase());
  const find = (candidates: string[]) => names.findIndex((name) => candidates.includes(name));
  const entries: Entry[] = [];

  if (names.includes(wideUnitColumn) && find(longColumns.indicator) < 0) {
    const unitColumn = names.indexOf(wideUnitColumn);
    const yearColumn = names.indexOf(wideYearColumn);
    if (yearColumn < 0) {
      throw invalid(
        `Thiếu cột "${wideYearColumn}" (năm đánh giá) ở dòng tiêu đề. Hãy dùng mẫu tải về.`,
        `Missing the "${wideYearColumn}" (year) column.`,
      );
    }
    // A loop, not Math.max(...rows): spreading a long sheet into arguments overflows the stack.
    let width = header.cells.length;
    for (const row of body) width = Math.max(width, row.cells.length);
    const indicatorColumns = Array.from({ length: width }, (_, index) => ({
      code: textOf(header.cells[index]),
      index,
      name: names[index] ?? "",
    })).filter(
      (column) =>
        ![unitColumn, yearColumn].includes(column.index) && column.name !== wideNameColumn,
    );
    for (const column of indicatorColumns) {
      const used = body.some(
        (row) => !isDescriptionRow(row.cells) && textOf(row.cells[column.index]) !== "",
      );
      if (column.code === "" && used) {
        addError(
          header.number,
          column.index + 1,
          `Cột ${columnLetter(column.index + 1)} có số liệu nhưng không có mã chỉ tiêu ở dòng tiêu đề (cột thừa); hãy xóa cột này.`,
        );
      }
    }
    const seen = new Map<string, number>();
    for (const row of body) {
      if (isDescriptionRow(row.cells)) continue;
      const unitCode = textOf(row.cells[unitColumn]);
      const hasValues = indicatorColumns.some(
        (column) =>
          textOf(row.cells[column.index]) !== "" ||
          (typeof row.cells[column.index] === "object" && row.cells[column.index] !== null),
      );
      if (unitCode === "") {
        if (hasValues)
          addError(row.number, unitColumn + 1, `Dòng ${row.number} có số liệu nhưng thiếu mã xã.`);
        continue;
      }
      const year = readYear(row.cells[yearColumn]);
      if (typeof year === "string") {
        addError(row.number, yearColumn + 1, `Dòng ${row.number} (xã ${unitCode}): ${year}.`, {
          unitCode,
        });
        continue;
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
        continue;
      }
      seen.set(key, row.number);
      for (const column of indicatorColumns) {
        if (column.code === "") continue;
        entries.push({
          row: row.number,
          column: column.index + 1,
          unitCode,
          year,
          indicatorCode: column.code,
          raw: row.cells[column.index] ?? null,
        });
      }
    }
    return { format: "wide", entries };
  }

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
  const seen = new Map<string, number>();
  for (const row of body) {
    const unitCode = textOf(row.cells[columns.unit]);
    const indicatorCode = textOf(row.cells[columns.indicator]);
    if (unitCode === "" && indicatorCode === "") continue;
    if (unitCode === "" || indicatorCode === "") {
      addError(
        row.number,
        (unitCode === "" ? columns.unit : columns.indicator) + 1,
        `Dòng ${row.number}: thiếu ${unitCode === "" ? "mã đơn vị" : "mã chỉ tiêu"}.`,
      );
      continue;
    }
    const year = readYear(row.cells[columns.year]);
    if (typeof year === "string") {
      addError(row.number, columns.year + 1, `Dòng ${row.number}: ${year}.`, { unitCode });
      continue;
    }
    const key = `${unitCode}/${year}/${indicatorCode}`;
    const first = seen.get(key);
    if (first !== undefined) {
      addError(
        row.number,
        columns.unit + 1,
        `Xã ${unitCode}, chỉ tiêu ${indicatorCode}, năm ${year} xuất hiện hai lần (dòng ${first} và dòng ${row.number}).`,
        { unitCode },
      );
      continue;
    }
    seen.set(key, row.number);
    const note = columns.note >= 0 ? textOf(row.cells[columns.note]) : undefined;
    entries.push({
      row: row.number,
      column: columns.value + 1,
      unitCode,
      year,
      indicatorCode,
      raw: row.cells[columns.value] ?? null,
      ...(note ? { note } : {}),
    });
  }
  return { format: "long", entries };
}
