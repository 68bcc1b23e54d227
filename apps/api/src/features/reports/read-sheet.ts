import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import type { RawCell } from "@ntm/domain";
import { AppError, invalid } from "../../http/app-error.ts";

/** A cell as read from a file: a plain value, or something the import refuses with a reason. */
export type ReadCell = RawCell | { refused: string };

export interface ReadRow {
  /** 1-based row number in the sheet or file. */
  number: number;
  cells: ReadCell[];
}

export interface ReadSheet {
  kind: "xlsx" | "csv";
  sheet: string | null;
  rows: ReadRow[];
  /** Merged ranges ("A5:A7"), which the import refuses. */
  merges: string[];
}

/** The data sheet of the template; a workbook with one sheet may name it anything. */
export const dataSheetName = "Số liệu";
/** Above this size a workbook is read as a stream (merged cells then show as empty cells). */
const fullLoadLimit = 8 * 1024 * 1024;

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

function rowCells(row: ExcelJS.Row): ReadCell[] {
  const values = row.values as ExcelJS.CellValue[];
  const cells: ReadCell[] = [];
  for (let column = 1; column < values.length; column += 1) cells.push(cellOf(values[column]));
  return cells;
}

function pickSheet<T extends { name: string }>(sheets: T[], firstRows: Map<string, ReadCell[]>): T {
  const named = sheets.find((sheet) => sheet.name === dataSheetName);
  if (named) return named;
  const matching = sheets.find((sheet) => headerLooksRight(firstRows.get(sheet.name) ?? []));
  if (matching) return matching;
  throw invalid(
    `Không tìm thấy trang tính số liệu. Tệp có các trang: ${sheets.map((s) => `"${s.name}"`).join(", ") || "(không có)"}; cần trang "${dataSheetName}" của mẫu nhập, hoặc một trang có dòng đầu chứa cột ma_xa (mẫu theo xã) hay ma_don_vi, ma_chi_tieu, nam, gia_tri (dạng dọc).`,
    `No data sheet found: expected a sheet named "${dataSheetName}" or a header with ma_xa / ma_don_vi.`,
  );
}

async function readWorkbookFully(content: Buffer): Promise<ReadSheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheets = workbook.worksheets;
  const firstRows = new Map(sheets.map((sheet) => [sheet.name, rowCells(sheet.getRow(1))]));
  const sheet = pickSheet(sheets, firstRows);
  const rows: ReadRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    rows.push({ number, cells: rowCells(row) });
  });
  const merges = (sheet.model as { merges?: string[] }).merges ?? [];
  return { kind: "xlsx", sheet: sheet.name, rows, merges };
}

async function readWorkbookStreaming(content: Buffer): Promise<ReadSheet> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  const seen: { name: string }[] = [];
  for await (const worksheet of reader) {
    const name = (worksheet as unknown as { name: string }).name;
    seen.push({ name });
    const rows: ReadRow[] = [];
    let take: boolean | undefined;
    for await (const row of worksheet) {
      const cells = rowCells(row);
      if (take === undefined) take = name === dataSheetName || headerLooksRight(cells);
      if (!take) break;
      rows.push({ number: row.number, cells });
    }
    if (take) return { kind: "xlsx", sheet: name, rows, merges: [] };
  }
  return pickSheet(seen, new Map()) as never;
}

/** Splits CSV text (RFC 4180 quotes; comma, or semicolon as Excel writes it with decimal commas). */
export function parseCsv(text: string): ReadRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.slice(0, body.indexOf("\n") >= 0 ? body.indexOf("\n") : body.length);
  const delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
  const rows: ReadRow[] = [];
  let cells: ReadCell[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  const endField = () => {
    cells.push(field === "" ? null : field);
    field = "";
  };
  const endRow = () => {
    endField();
    if (cells.some((cell) => cell !== null)) rows.push({ number: rowStart, cells });
    cells = [];
  };
  for (let index = 0; index < body.length; index += 1) {
    const char = body[index];
    if (quoted) {
      if (char === '"') {
        if (body[index + 1] === '"') {
          field += '"';
          index += 1;
        } else quoted = false;
      } else {
        if (char === "\n") line += 1;
        field += char;
      }
    } else if (char === '"' && field === "") quoted = true;
    else if (char === delimiter) endField();
    else if (char === "\n" || char === "\r") {
      if (char === "\r" && body[index + 1] === "\n") index += 1;
      endRow();
      line += 1;
      rowStart = line;
    } else field += char;
  }
  if (field !== "" || cells.length > 0) endRow();
  return rows;
}

/**
 * Reads the data sheet of an uploaded file. Refuses with a clear message what is not a
 * spreadsheet at all (an old .xls, a PDF, a damaged workbook).
 */
export async function readSheet(fileName: string, content: Buffer): Promise<ReadSheet> {
  const lower = fileName.toLowerCase();
  if (content.length === 0) {
    throw invalid("Tệp rỗng, không có dữ liệu.", "The file is empty.");
  }
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) {
    try {
      return content.length <= fullLoadLimit
        ? await readWorkbookFully(content)
        : await readWorkbookStreaming(content);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw invalid(
        "Không đọc được tệp Excel (tệp hỏng hoặc không phải .xlsx). Hãy mở bằng Excel và lưu lại dạng .xlsx.",
        "The workbook could not be read (damaged or not .xlsx).",
      );
    }
  }
  if (startsWith(content, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw new AppError({
      code: "UNSUPPORTED_MEDIA_TYPE",
      vi: "Tệp Excel 97–2003 (.xls) không được hỗ trợ. Hãy mở bằng Excel và lưu lại dạng .xlsx hoặc .csv.",
      en: "Excel 97–2003 (.xls) files are not supported; save as .xlsx or .csv.",
    });
  }
  const text = content.toString("utf8");
  const binary = text.includes("\u0000") || text.includes("\ufffd");
  if (
    binary ||
    !(
      lower.endsWith(".csv") ||
      lower.endsWith(".txt") ||
      headerLooksRight(parseCsv(text.slice(0, 2000))[0]?.cells ?? [])
    )
  ) {
    throw new AppError({
      code: "UNSUPPORTED_MEDIA_TYPE",
      vi: `Tệp "${fileName}" không phải bảng tính. Chỉ nhận tệp Excel (.xlsx) theo mẫu hoặc tệp CSV (UTF-8).`,
      en: `"${fileName}" is not a spreadsheet; upload .xlsx or UTF-8 .csv.`,
    });
  }
  return { kind: "csv", sheet: null, rows: parseCsv(text), merges: [] };
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
