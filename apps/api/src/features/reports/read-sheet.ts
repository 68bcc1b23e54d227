import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { setImmediate as nextTurn } from "node:timers/promises";
import type ExcelJS from "exceljs";
import type { RawCell } from "@ntm/domain";
import { AppError, invalid } from "../../http/app-error.ts";
import { loadExcelJs } from "../../shared/lazy-packages.ts";
import { CsvSplitter } from "./csv-splitter.ts";

/** A cell as read from a file: a plain value, or something the import refuses with a reason. */
export type ReadCell = RawCell | { refused: string };

export interface ReadRow {
  /** 1-based row number in the sheet or file. */
  number: number;
  cells: ReadCell[];
}

interface ReadSheet {
  kind: "xlsx" | "csv";
  sheet: string | null;
  rows: ReadRow[];
  /** Merged ranges ("A5:A7"), which the import refuses. */
  merges: string[];
}

/** A data sheet whose rows are taken one by one. */
export interface SheetSource extends Omit<ReadSheet, "rows"> {
  rows: AsyncIterable<ReadRow>;
  /** Bytes of the file read so far (all of a workbook, which is read whole first). */
  bytesRead: () => number;
}

/** How much of a file the import reads before refusing it. */
export interface SheetLimits {
  /** Size of the file as sent. */
  bytes: number;
  /** Rows with content, the header rows included. */
  rows: number;
  /** Columns of one row. */
  columns: number;
  /** Cells of all rows together, empty cells within a row included. */
  cells: number;
  /** Size of a workbook's parts once unpacked (XLSX is compressed XML). */
  unpackedBytes: number;
}

const mebibytes = 1024 * 1024;

/**
 * Limits of a file sent through the API: the largest province (454 xã) for five years in the long
 * format is about 180,000 rows and 7 MB of CSV.
 */
export const uploadLimits: SheetLimits = {
  bytes: 20 * mebibytes,
  rows: 250_000,
  columns: 500,
  cells: 2_000_000,
  unpackedBytes: 200 * mebibytes,
};

/** Limits of the command line on the server, where a national file (610,000 rows) fits. */
export const commandLineLimits: SheetLimits = {
  bytes: 256 * mebibytes,
  rows: 1_000_000,
  columns: 500,
  cells: 10_000_000,
  unpackedBytes: 1024 * mebibytes,
};

export interface ReadOptions {
  limits: SheetLimits;
  /** Bytes of the file read so far, reported while a large file is read. */
  onProgress?: (done: number, total: number) => void;
}

/** The data sheet of the template; a workbook with one sheet may name it anything. */
export const dataSheetName = "Số liệu";
/** Longest stretch of reading before the server answers other requests again. */
const turnMs = 20;
const chunkBytes = 64 * 1024;
const csvPieceBytes = 256 * 1024;
const maxMerges = 500;

const megabytes = (bytes: number) => `${Math.round(bytes / mebibytes)} MB`;
const count = (value: number) => value.toLocaleString("vi-VN");
const countEn = (value: number) => value.toLocaleString("en-US");

export function fileTooLarge(limits: SheetLimits) {
  return new AppError({
    code: "PAYLOAD_TOO_LARGE",
    vi: `Tệp quá lớn: tối đa ${megabytes(limits.bytes)} và ${count(limits.rows)} dòng mỗi lần nhập. Hãy chia tệp (ví dụ theo huyện hoặc theo năm), hoặc nhập trên máy chủ bằng lệnh ntm import values.`,
    en: `The file is too large: at most ${megabytes(limits.bytes)} and ${countEn(limits.rows)} rows per import. Split it (by district or year), or import it on the server with ntm import values.`,
  });
}

function tooManyRows(limits: SheetLimits) {
  return new AppError({
    code: "PAYLOAD_TOO_LARGE",
    vi: `Tệp có hơn ${count(limits.rows)} dòng, giới hạn của một lần nhập; không có gì được lưu. Hãy xóa các dòng thừa ở cuối trang tính, hoặc chia tệp (ví dụ theo huyện hoặc theo năm).`,
    en: `The file has more than ${countEn(limits.rows)} rows, the limit of one import; nothing was saved. Delete stray rows at the end of the sheet, or split the file (by district or year).`,
  });
}

function tooManyColumns(limits: SheetLimits, row: number) {
  return new AppError({
    code: "PAYLOAD_TOO_LARGE",
    vi: `Dòng ${count(row)} có hơn ${count(limits.columns)} cột, giới hạn của một lần nhập. Hãy xóa các cột thừa bên phải.`,
    en: `Row ${countEn(row)} has more than ${countEn(limits.columns)} columns, the limit of one import. Delete the stray columns on the right.`,
  });
}

function tooManyCells(limits: SheetLimits) {
  return new AppError({
    code: "PAYLOAD_TOO_LARGE",
    vi: `Tệp có hơn ${count(limits.cells)} ô, giới hạn của một lần nhập; không có gì được lưu. Hãy xóa các dòng, cột thừa hoặc chia tệp (ví dụ theo huyện hoặc theo năm).`,
    en: `The file has more than ${countEn(limits.cells)} cells, the limit of one import; nothing was saved. Delete stray rows and columns, or split the file (by district or year).`,
  });
}

function tooLargeUnpacked(limits: SheetLimits) {
  return new AppError({
    code: "PAYLOAD_TOO_LARGE",
    vi: `Tệp Excel khi giải nén lớn hơn ${megabytes(limits.unpackedBytes)}, giới hạn của một lần nhập. Hãy xóa các dòng, cột thừa hoặc chia tệp.`,
    en: `The workbook unpacks to more than ${megabytes(limits.unpackedBytes)}, the limit of one import. Delete stray rows and columns, or split it.`,
  });
}

const damagedWorkbook = () =>
  invalid(
    "Không đọc được tệp Excel (tệp hỏng hoặc không phải .xlsx). Hãy mở bằng Excel và lưu lại dạng .xlsx.",
    "The workbook could not be read (damaged or not .xlsx).",
  );

const startsWith = (content: Buffer, bytes: number[]) =>
  bytes.every((byte, index) => content[index] === byte);

function headerLooksRight(cells: ReadCell[]) {
  return cells.some(
    (cell) =>
      typeof cell === "string" &&
      ["ma_xa", "ma_don_vi", "unit_code"].includes(cell.trim().toLowerCase()),
  );
}

function cellOf(value: ExcelJS.CellValue): ReadCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  if (value instanceof Date) {
    return { refused: "ô chứa ngày tháng, không phải giá trị của chỉ tiêu" };
  }
  if ("formula" in value || "sharedFormula" in value) {
    return {
      refused:
        "ô chứa công thức; hãy sao chép rồi dán dạng giá trị (Paste Special → Values) trước khi nhập",
    };
  }
  if ("richText" in value) return value.richText.map((part) => part.text).join("");
  if ("error" in value) return { refused: `ô báo lỗi ${String(value.error)}` };
  if ("text" in value) return String(value.text);
  return { refused: "không đọc được nội dung ô" };
}

/** Collects rows within the limits, and lets the server answer others during a long read. */
class RowCollector {
  readonly rows: ReadRow[] = [];
  private cells = 0;
  private lastTurn = performance.now();

  constructor(
    private readonly options: ReadOptions,
    private readonly total: number,
  ) {}

  /** Keeps a row with content; a row of empty cells (only formatted) is passed over. */
  async add(row: ReadRow, done: () => number) {
    const { limits } = this.options;
    if (row.cells.some((cell) => cell !== null)) {
      if (this.rows.length >= limits.rows) throw tooManyRows(limits);
      if (row.cells.length > limits.columns) throw tooManyColumns(limits, row.number);
      this.cells += row.cells.length;
      if (this.cells > limits.cells) throw tooManyCells(limits);
      this.rows.push(row);
    }
    await this.turn(done);
  }

  /** Lets the server answer other requests when this read has held it for a while. */
  async turn(done: () => number) {
    if (performance.now() - this.lastTurn <= turnMs) return;
    this.options.onProgress?.(done(), this.total);
    await nextTurn();
    this.lastTurn = performance.now();
  }
}

function rowCells(row: ExcelJS.Row, limits: SheetLimits): ReadCell[] {
  const values = row.values as ExcelJS.CellValue[];
  if (values.length - 1 > limits.columns) throw tooManyColumns(limits, row.number);
  const cells: ReadCell[] = [];
  for (let column = 1; column < values.length; column += 1) cells.push(cellOf(values[column]));
  return cells;
}

interface ZipEntry {
  name: string;
  start: number;
  end: number;
  unpacked: number;
}

/**
 * The parts of a workbook from its ZIP directory, each with the bytes of its local entry. Sizes
 * are checked before anything is unpacked, so a small file that unpacks to gigabytes is refused
 * at once.
 */
function zipEntries(content: Buffer, limits: SheetLimits): { entries: ZipEntry[]; tail: number } {
  const last = Math.max(0, content.length - 22 - 0xffff);
  let end = -1;
  for (let offset = content.length - 22; offset >= last; offset -= 1) {
    if (content.readUInt32LE(offset) === 0x06054b50) {
      end = offset;
      break;
    }
  }
  if (end < 0) throw damagedWorkbook();
  const total = content.readUInt16LE(end + 10);
  const directory = content.readUInt32LE(end + 16);
  if (directory >= content.length) throw damagedWorkbook();
  const found: Omit<ZipEntry, "end">[] = [];
  let unpackedTotal = 0;
  for (let index = 0, offset = directory; index < total; index += 1) {
    if (offset + 46 > content.length || content.readUInt32LE(offset) !== 0x02014b50) {
      throw damagedWorkbook();
    }
    const unpacked = content.readUInt32LE(offset + 24);
    const nameLength = content.readUInt16LE(offset + 28);
    const extraLength = content.readUInt16LE(offset + 30);
    const commentLength = content.readUInt16LE(offset + 32);
    const start = content.readUInt32LE(offset + 42);
    // 0xffffffff marks a ZIP64 size: over 4 GB unpacked, far beyond any limit.
    if (unpacked === 0xffffffff) throw tooLargeUnpacked(limits);
    unpackedTotal += unpacked;
    if (unpackedTotal > limits.unpackedBytes) throw tooLargeUnpacked(limits);
    if (start >= directory) throw damagedWorkbook();
    const name = content.toString("utf8", offset + 46, offset + 46 + nameLength);
    found.push({ name, start, unpacked });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  const byStart = [...found].sort((a, b) => a.start - b.start);
  const entries = byStart.map((entry, index) => ({
    ...entry,
    end: byStart[index + 1]?.start ?? directory,
  }));
  return { entries, tail: directory };
}

const isWorksheet = (name: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name);

/**
 * The workbook as a stream whose worksheets come after the workbook, shared strings and styles
 * (Excel and ExcelJS write the worksheets first). The streaming reader then parses each sheet as
 * it unpacks instead of copying it to a temporary file first. `position` tells how far it got.
 */
function streamInReadingOrder(content: Buffer, limits: SheetLimits) {
  const { entries, tail } = zipEntries(content, limits);
  const ranges = [
    ...entries.filter((entry) => !isWorksheet(entry.name)),
    ...entries.filter((entry) => isWorksheet(entry.name)),
    { start: tail, end: content.length },
  ];
  let position = 0;
  const chunks = function* () {
    for (const range of ranges) {
      for (let offset = range.start; offset < range.end; offset += chunkBytes) {
        position += Math.min(chunkBytes, range.end - offset);
        yield content.subarray(offset, Math.min(range.end, offset + chunkBytes));
      }
    }
  };
  return { stream: Readable.from(chunks(), { objectMode: false }), position: () => position };
}

/**
 * Passes a worksheet's XML through unchanged while noting its merged ranges (which the streaming
 * reader skips) and refusing a sheet that unpacks beyond the limit.
 */
function watchSheet(worksheet: unknown, merges: string[], limits: SheetLimits) {
  const reader = worksheet as { iterator: AsyncIterable<Buffer | string> };
  const source = reader.iterator;
  reader.iterator = (async function* () {
    let tail = "";
    let unpacked = 0;
    for await (const chunk of source) {
      unpacked += chunk.length;
      if (unpacked > limits.unpackedBytes) throw tooLargeUnpacked(limits);
      const text = tail + (typeof chunk === "string" ? chunk : chunk.toString("latin1"));
      for (const match of text.matchAll(/<(?:\w+:)?mergeCell\s[^>]*?ref="([^"]{1,40})"/g)) {
        if (match.index + match[0].length > tail.length && merges.length < maxMerges) {
          merges.push(match[1]!);
        }
      }
      tail = text.slice(-200);
      yield chunk;
    }
  })();
}

async function readWorkbook(content: Buffer, options: ReadOptions): Promise<ReadSheet> {
  const { limits } = options;
  const ExcelJs = await loadExcelJs();
  const { stream, position } = streamInReadingOrder(content, limits);
  const reader = new ExcelJs.stream.xlsx.WorkbookReader(stream, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    // Styles tell a date from a number; without them a date would be read as its serial number.
    styles: "cache",
    entries: "ignore",
  });
  const seen: string[] = [];
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    seen.push(name);
    const merges: string[] = [];
    watchSheet(worksheet, merges, limits);
    const collector = new RowCollector(options, content.length);
    // The template's sheet is taken by its name; another by its first row with content.
    let take = name === dataSheetName ? true : undefined;
    for await (const row of worksheet) {
      const cells = rowCells(row, limits);
      if (take === undefined && cells.some((cell) => cell !== null)) {
        take = headerLooksRight(cells);
      }
      if (take === false) break;
      await collector.add({ number: row.number, cells }, position);
    }
    if (take) return { kind: "xlsx", sheet: name, rows: collector.rows, merges };
  }
  throw invalid(
    `Không tìm thấy trang tính số liệu. Tệp có các trang: ${seen.map((name) => `"${name}"`).join(", ") || "(không có)"}; cần trang "${dataSheetName}" của mẫu nhập, hoặc một trang có dòng đầu chứa cột ma_xa (mẫu theo xã) hay ma_don_vi, ma_chi_tieu, nam, gia_tri (dạng dọc).`,
    `No data sheet found: expected a sheet named "${dataSheetName}" or a header with ma_xa / ma_don_vi.`,
  );
}

/** The first row of a CSV text: to tell a CSV file from something else by its header. */
function firstCsvRow(text: string): ReadCell[] {
  const splitter = new CsvSplitter();
  return [...splitter.push(text), ...splitter.end()][0]?.cells ?? [];
}

function notASpreadsheet(fileName: string) {
  return new AppError({
    code: "UNSUPPORTED_MEDIA_TYPE",
    vi: `Tệp "${fileName}" không phải bảng tính. Chỉ nhận tệp Excel (.xlsx) theo mẫu hoặc tệp CSV (UTF-8).`,
    en: `"${fileName}" is not a spreadsheet; upload .xlsx or UTF-8 .csv.`,
  });
}

const isBinary = (text: string) => text.includes("\u0000") || text.includes("\ufffd");

/**
 * The rows of a CSV file, decoded and split a piece at a time: only the piece being read and the
 * row being built are held, whatever the size of the file. Limits are checked as rows arrive, and
 * a piece that is not text (a NUL byte, invalid UTF-8) refuses the file.
 */
async function* csvRows(
  fileName: string,
  content: Buffer,
  options: ReadOptions,
  read: { bytes: number },
): AsyncGenerator<ReadRow> {
  const { limits } = options;
  const decoder = new StringDecoder("utf8");
  const splitter = new CsvSplitter((cells, row) => {
    if (cells > limits.columns) throw tooManyColumns(limits, row);
  });
  let rows = 0;
  let cells = 0;
  let lastTurn = performance.now();
  const counted = (row: ReadRow) => {
    rows += 1;
    if (rows > limits.rows) throw tooManyRows(limits);
    cells += row.cells.length;
    if (cells > limits.cells) throw tooManyCells(limits);
    return row;
  };
  for (let offset = 0; offset < content.length; offset += csvPieceBytes) {
    const end = Math.min(content.length, offset + csvPieceBytes);
    const text = decoder.write(content.subarray(offset, end));
    read.bytes = end;
    if (isBinary(text)) throw notASpreadsheet(fileName);
    for (const row of splitter.push(text)) yield counted(row);
    if (performance.now() - lastTurn > turnMs) {
      await nextTurn();
      lastTurn = performance.now();
    }
  }
  const rest = decoder.end();
  if (isBinary(rest)) throw notASpreadsheet(fileName);
  for (const row of [...splitter.push(rest), ...splitter.end()]) yield counted(row);
}

async function* listed(rows: ReadRow[]): AsyncGenerator<ReadRow> {
  for (const row of rows) yield row;
}

/**
 * Opens the data sheet of an uploaded file within the limits, refusing at once what is not a
 * spreadsheet at all (an old .xls, a PDF, a damaged workbook). A CSV file's rows are read as they
 * are taken, so a national file is never held as rows; a workbook's data sheet is read whole
 * first (the streaming reader gives merged ranges only at the end), within its limits. Either
 * way a file too large, or with too many rows or columns, is refused as soon as the limit is
 * passed, and the server keeps answering other requests while it reads.
 */
export async function openSheet(
  fileName: string,
  content: Buffer,
  options: ReadOptions,
): Promise<SheetSource> {
  const lower = fileName.toLowerCase();
  if (content.length === 0) {
    throw invalid("Tệp rỗng, không có dữ liệu.", "The file is empty.");
  }
  if (content.length > options.limits.bytes) throw fileTooLarge(options.limits);
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) {
    try {
      const sheet = await readWorkbook(content, options);
      return { ...sheet, rows: listed(sheet.rows), bytesRead: () => content.length };
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw damagedWorkbook();
    }
  }
  if (startsWith(content, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new AppError({
      code: "UNSUPPORTED_MEDIA_TYPE",
      vi: "Tệp Excel 97–2003 (.xls) không được hỗ trợ. Hãy mở bằng Excel và lưu lại dạng .xlsx hoặc .csv.",
      en: "Excel 97–2003 (.xls) files are not supported; save as .xlsx or .csv.",
    });
  }
  const start = content.subarray(0, 2000).toString("utf8");
  // The last character may be cut in two by the 2,000 bytes.
  if (isBinary(start.slice(0, -1))) throw notASpreadsheet(fileName);
  if (!(lower.endsWith(".csv") || lower.endsWith(".txt") || headerLooksRight(firstCsvRow(start)))) {
    throw notASpreadsheet(fileName);
  }
  const read = { bytes: 0 };
  return {
    kind: "csv",
    sheet: null,
    merges: [],
    rows: csvRows(fileName, content, options, read),
    bytesRead: () => read.bytes,
  };
}

/** Column letters of a 1-based column number: 1 → A, 28 → AB. */
export function columnLetter(column: number): string {
  let letters = "";
  let rest = column;
  while (rest > 0) {
    const digit = (rest - 1) % 26;
    letters = String.fromCharCode(65 + digit) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}
