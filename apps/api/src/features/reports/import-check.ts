import type { DbOrTx } from "@ntm/db";
import { can, endOfYear } from "@ntm/domain";
import type { ImportCellError } from "@ntm/contracts";
import { actorOf, type AuthUser } from "../auth/index.ts";
import {
  indexIndicators,
  sourcedIndicatorsOf,
  typedValueRefusal,
  valueProblem,
  type BulkValueRow,
  type IndicatorPlace,
  type SourcedIndicators,
} from "../assessments/index.ts";
import { selectSetFor } from "../catalog/index.ts";
import { cellReader } from "./cell-reader.ts";
import { entryReader, type AddError, type Entry, type EntryReader } from "./import-entries.ts";
import { findIndicatorValues, findUnitsOn, type UnitOnDate } from "./import.repository.ts";
import { columnLetter, type SheetSource } from "./read-sheet.ts";
import { invalid } from "../../http/app-error.ts";

/** A commune-year of the file that may receive values: the unit, its path and its set. */
export interface UnitCheck {
  unit: UnitOnDate;
  path: string[];
  index: Map<string, IndicatorPlace>;
  setCode: string;
  /** Indicators a registry gives that year, with the values it stored, by commune. */
  sourced: SourcedCheck;
  /** The account's refusal to write each criterion of the commune (null: allowed), as asked. */
  refusals: Map<string, string | null>;
}

/** What the file may not change: indicators the registry gives, and the values stored for them. */
interface SourcedCheck {
  indicators: SourcedIndicators;
  /** `unit/indicator` → what is stored (the registry's figure, or one typed before its set). */
  stored: Map<string, { value: number | boolean | null; note: string | null }>;
}

export interface CheckOptions {
  /** Reads units and criteria sets (the import's transaction). */
  db: DbOrTx;
  user: AuthUser;
  /** Values handed to `onValues` at a time. */
  batchSize: number;
  /** Receives the checked values, a batch at a time, while the file has no error. */
  onValues: (values: BulkValueRow[]) => Promise<void>;
  /** Values (filled or empty cells) checked so far, every 2,000 and at the end. */
  onChecked?: (entries: number) => void;
}

export interface CheckSummary {
  format: "wide" | "long";
  /** Rows that held entries. */
  rows: number;
  /** Values found valid (empty cells leave the stored value and are not counted). */
  values: number;
  /** Commune-years with at least one valid value. */
  units: number;
  errorCount: number;
  /** The first errors, at most `maxListedErrors`. */
  errors: ImportCellError[];
  /** Each commune-year of the file, checked, or the reason it cannot receive values. */
  checks: Map<string, UnitCheck | string>;
}

export const maxListedErrors = 500;
/** Longest stretch of checking before the server answers other requests again. */
const turnMs = 20;
const progressEvery = 2000;

/**
 * Checks a sheet row by row as its rows are read and hands the valid values on in batches: what
 * is held at any time is one batch, the errors listed (at most 500) and what identifies each
 * commune-year and value of the file (to name a value listed twice), never the file's rows. Once
 * a cell is wrong, values are no longer handed on (the import will write nothing) but every cell
 * is still checked, so the report counts every error.
 */
export async function checkSheet(
  source: SheetSource,
  options: CheckOptions,
): Promise<CheckSummary> {
  const { user } = options;
  const errors = {
    merges: [] as ImportCellError[],
    rows: [] as ImportCellError[],
    cells: [] as ImportCellError[],
  };
  let errorCount = 0;
  const checks = new Map<string, UnitCheck | string>();
  const cellName = (row: number, column: number) =>
    source.kind === "xlsx"
      ? `${source.sheet}!${columnLetter(column)}${row}`
      : `dòng ${row}, cột ${columnLetter(column)}`;
  const errorAdder =
    (list: ImportCellError[]): AddError =>
    (row, column, message, about = {}) => {
      errorCount += 1;
      if (list.length >= maxListedErrors) return;
      const check =
        about.unitCode && about.year ? checks.get(`${about.unitCode}/${about.year}`) : undefined;
      const place =
        about.indicatorCode && check && typeof check === "object"
          ? check.index.get(about.indicatorCode)
          : undefined;
      list.push({
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
  for (const range of source.merges) {
    const [start] = range.split(":");
    const match = /^([A-Z]+)(\d+)$/.exec(start ?? "");
    errorCount += 1;
    errors.merges.push({
      cell: `${source.sheet}!${range}`,
      row: match ? Number(match[2]) : 0,
      column: match?.[1] ?? "",
      unitCode: null,
      unitName: null,
      indicatorCode: null,
      indicatorName: null,
      message: `Vùng ${range} là ô gộp; hãy bỏ gộp ô (Unmerge) và ghi giá trị vào từng ô.`,
    });
  }

  const resolve = unitResolver(options.db, user, checks);
  const check = entryChecker(user, errorAdder(errors.cells));
  const withValues = new Set<string>();
  let reader: EntryReader | undefined;
  let batch: BulkValueRow[] = [];
  let rows = 0;
  let values = 0;
  let checked = 0;
  let lastTurn = performance.now();
  for await (const row of source.rows) {
    if (!reader) {
      reader = entryReader(row, errorAdder(errors.rows));
      continue;
    }
    const entries = reader.entriesOf(row);
    if (entries.length > 0) rows += 1;
    for (const entry of entries) {
      if (checked % progressEvery === 0) options.onChecked?.(checked);
      checked += 1;
      const key = `${entry.unitCode}/${entry.year}`;
      // A commune-year already found is not awaited again: one turn of the event loop per value.
      const found = checks.get(key) ?? (await resolve(entry.unitCode, entry.year));
      const value = check(entry, found, reader.format);
      if (!value) continue;
      values += 1;
      withValues.add(key);
      if (errorCount > 0) continue;
      batch.push(value);
      if (batch.length >= options.batchSize) {
        await options.onValues(batch);
        batch = [];
      }
    }
    if (performance.now() - lastTurn > turnMs) {
      // Lets other requests (and a streaming client's progress) through during a long check.
      await new Promise((done) => setImmediate(done));
      lastTurn = performance.now();
    }
  }
  if (!reader) throw invalid("Trang tính không có dữ liệu.", "The sheet is empty.");
  if (errorCount === 0 && batch.length > 0) await options.onValues(batch);
  options.onChecked?.(checked);
  return {
    format: reader.format,
    rows,
    values,
    units: withValues.size,
    errorCount,
    // As listed before rows were streamed: merged cells, then the file's structure, then cells.
    errors: [...errors.merges, ...errors.rows, ...errors.cells].slice(0, maxListedErrors),
    checks,
  };
}

interface SetCheck {
  index: Map<string, IndicatorPlace>;
  code: string;
  sourced: SourcedCheck;
}

/**
 * Finds each commune-year of the file once: in force at the end of the year, a commune taking
 * part in the assessment, within the account's scope, with the criteria set that applies. The
 * units of a year and each set are loaded once for the whole file.
 */
function unitResolver(db: DbOrTx, user: AuthUser, checks: Map<string, UnitCheck | string>) {
  const unitsOfYear = new Map<number, Promise<Map<string, UnitOnDate>>>();
  const sets = new Map<string, Promise<SetCheck>>();
  const unitsOn = (year: number) => {
    let units = unitsOfYear.get(year);
    if (!units) {
      units = findUnitsOn(db, endOfYear(year)).then(
        (all) => new Map(all.map((unit) => [unit.code, unit])),
      );
      unitsOfYear.set(year, units);
    }
    return units;
  };
  const setOf = (year: number, provinceCode: string | null) => {
    const key = `${year}/${provinceCode}`;
    let set = sets.get(key);
    if (!set) {
      set = selectSetFor(db, { year, provinceCode }).then(async (found) => {
        const indicators = await sourcedIndicatorsOf(db, {
          set: found.definition,
          provinceCode,
          year,
        });
        // Only where a registry gives some: one read of the year's stored figures.
        const stored =
          indicators.size === 0
            ? []
            : await findIndicatorValues(db, { year, indicatorCodes: [...indicators.keys()] });
        return {
          index: indexIndicators(found.definition),
          code: found.code,
          sourced: {
            indicators,
            stored: new Map(
              stored.map((row) => [
                `${row.unitCode}/${row.indicatorCode}`,
                { value: row.boolValue ?? row.numValue, note: row.note },
              ]),
            ),
          },
        };
      });
      sets.set(key, set);
    }
    return set;
  };
  return async (code: string, year: number): Promise<UnitCheck | string> => {
    const key = `${code}/${year}`;
    const known = checks.get(key);
    if (known !== undefined) return known;
    const byCode = await unitsOn(year);
    const found = await resolveUnit(code, year, byCode, user, setOf);
    checks.set(key, found);
    return found;
  };
}

async function resolveUnit(
  code: string,
  year: number,
  byCode: Map<string, UnitOnDate>,
  user: AuthUser,
  setOf: (year: number, provinceCode: string | null) => Promise<SetCheck>,
): Promise<UnitCheck | string> {
  const unit = byCode.get(code);
  if (!unit) return `không có đơn vị hành chính mã "${code}" trong năm ${year}`;
  if (unit.level !== "commune" || !unit.assessed) {
    return `${unit.name} (${code}) không phải xã tham gia đánh giá nông thôn mới`;
  }
  const path: string[] = [];
  for (let step: UnitOnDate | undefined = unit; step && path.length < 10;) {
    path.push(step.code);
    step = step.parentCode ? byCode.get(step.parentCode) : undefined;
  }
  const decision = can(actorOf(user), "assessment.write", { unitCode: code, path });
  if (!decision.allowed) return `${unit.name} (${code}): ${decision.reason}`;
  const provinceCode =
    path.map((c) => byCode.get(c)).find((u) => u?.level === "province")?.code ?? null;
  const set = await setOf(year, provinceCode);
  return {
    unit,
    path,
    index: set.index,
    setCode: set.code,
    sourced: set.sourced,
    refusals: new Map(),
  };
}

/**
 * Checks one entry against its commune-year: the indicator is in the set, the cell reads as a
 * value of its kind, within its bounds, and the account may write its criterion. Returns the
 * value to write, or nothing (an empty cell, or an error reported).
 */
function entryChecker(user: AuthUser, addError: AddError) {
  const reportedUnitRows = new Set<string>();
  const unknownColumns = new Set<number>();
  const readCell = cellReader();
  const where = (check: UnitCheck, entry: Entry, place: IndicatorPlace) =>
    `${check.unit.name} (${entry.unitCode}), chỉ tiêu ${entry.indicatorCode} (${place.indicator.name})`;
  // The policy's answer for a commune and criterion, asked once per commune-year and criterion.
  const refusalOf = (check: UnitCheck, criterionCode: string) => {
    let refusal = check.refusals.get(criterionCode);
    if (refusal === undefined) {
      const decision = can(actorOf(user), "assessment.write", {
        unitCode: check.unit.code,
        path: check.path,
        criterion: { setCode: check.setCode, criterionCode },
      });
      refusal = decision.allowed ? null : decision.reason;
      check.refusals.set(criterionCode, refusal);
    }
    return refusal;
  };
  return (
    entry: Entry,
    check: UnitCheck | string,
    format: "wide" | "long",
  ): BulkValueRow | undefined => {
    if (typeof check === "string") {
      const rowKey = `${entry.row}/${entry.unitCode}`;
      if (!reportedUnitRows.has(rowKey)) {
        reportedUnitRows.add(rowKey);
        addError(entry.row, format === "wide" ? 1 : entry.column, `Dòng ${entry.row}: ${check}.`, {
          unitCode: entry.unitCode,
        });
      }
      return undefined;
    }
    const about = {
      unitCode: entry.unitCode,
      year: entry.year,
      indicatorCode: entry.indicatorCode,
    };
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
      return undefined;
    }
    if (entry.raw !== null && typeof entry.raw === "object") {
      addError(
        entry.row,
        entry.column,
        `${where(check, entry, place)}: ${entry.raw.refused}.`,
        about,
      );
      return undefined;
    }
    const reading = readCell(place.indicator.kind, entry.raw);
    if (!reading.ok) {
      addError(entry.row, entry.column, `${where(check, entry, place)}: ${reading.reason}.`, about);
      return undefined;
    }
    if (reading.value === null) return undefined;
    // As the value save: a value typed for an indicator a registry gives is refused.
    const refusal =
      check.sourced.indicators.has(place.indicator.code) &&
      typedValueRefusal(
        check.sourced.indicators,
        {
          indicatorCode: place.indicator.code,
          value: reading.value,
          ...(entry.note !== undefined ? { note: entry.note } : {}),
        },
        check.sourced.stored.get(`${entry.unitCode}/${place.indicator.code}`),
      );
    if (refusal) {
      addError(
        entry.row,
        entry.column,
        `${check.unit.name} (${entry.unitCode}): ${refusal.vi}`,
        about,
      );
      return undefined;
    }
    const problem = valueProblem(place, reading.value);
    if (problem) {
      addError(
        entry.row,
        entry.column,
        `${check.unit.name} (${entry.unitCode}): ${problem}`,
        about,
      );
      return undefined;
    }
    const refused = place.criterionCode && refusalOf(check, place.criterionCode);
    if (refused) {
      addError(entry.row, entry.column, `${where(check, entry, place)}: ${refused}`, about);
      return undefined;
    }
    return {
      unitCode: entry.unitCode,
      year: entry.year,
      // The set's own code: one string per indicator, not one per row of the file.
      indicatorCode: place.indicator.code,
      value: reading.value,
      ...(entry.note !== undefined ? { note: entry.note } : {}),
    };
  };
}
