import { parseBooleanVi } from "@ntm/domain";

/** One pasted cell as the grid shows it: blank, a value's text, or text kept so the cell flags it. */
export type PastedCell =
  { kind: "blank" } | { kind: "value"; text: string } | { kind: "raw"; text: string };

/**
 * Splits text copied from a spreadsheet into rows of cells. Excel and LibreOffice separate cells by
 * tabs and rows by line breaks, end with a line break, and quote a cell that holds either.
 */
export function splitClipboard(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && cell === "") {
      quoted = true;
    } else if (char === "\t") {
      row.push(cell);
      cell = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i += 1;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else {
      cell += char;
    }
  }
  if (cell !== "" || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Whether pasted text is more than one cell, so the grid spreads it instead of the input taking it. */
export function isBlockPaste(text: string): boolean {
  return /[\t\n\r]/.test(text.replace(/(\r?\n)+$/, ""));
}

/**
 * Reads a number as a spreadsheet shows it, in Vietnamese ("1.234,5", "97,5 %") or English
 * ("1,234.5") form. A lone group of three digits after a dot ("1.234") is a thousands dot, as a
 * Vietnamese spreadsheet writes it. Returns null for text that is not a number.
 */
export function readPastedNumber(cell: string): number | null {
  const text = cell.replace(/[\s\u00a0\u202f]/g, "").replace(/%$/, "");
  if (!/^-?[\d.,]+$/.test(text) || !/\d/.test(text)) return null;
  let normalised: string;
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(text)) {
    // Vietnamese grouping: "1.234", "1.234.567", "1.234,5".
    normalised = text.replace(/\./g, "").replace(",", ".");
  } else if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) && !/^-?\d{1,3},\d{3}$/.test(text)) {
    // English grouping with a decimal point or several groups: "1,234.5", "1,234,567".
    normalised = text.replace(/,/g, "");
  } else {
    // A single comma or dot is the decimal mark: "97,5", "12.5", and "1,234" reads as 1,234.
    normalised = text.replace(",", ".");
  }
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return null;
  const value = Number(normalised);
  return Number.isFinite(value) ? value : null;
}

/** The text a number cell shows: Vietnamese decimal comma, no grouping ("1234,5"). */
export function numberCellText(value: number): string {
  return String(value).replace(".", ",");
}

/** One pasted cell for an indicator of the given kind. */
export function readPastedCell(kind: "boolean" | "number", raw: string): PastedCell {
  const text = raw.trim();
  if (text === "") return { kind: "blank" };
  if (kind === "boolean") {
    const reading = parseBooleanVi(text);
    if (reading.ok && typeof reading.value === "boolean") {
      return { kind: "value", text: reading.value ? "yes" : "no" };
    }
    return { kind: "raw", text };
  }
  const value = readPastedNumber(text);
  return value === null ? { kind: "raw", text } : { kind: "value", text: numberCellText(value) };
}

export interface PasteTarget {
  row: number;
  column: number;
  cell: PastedCell;
}

/**
 * Places a pasted block from the focused cell downwards and rightwards, cut at the grid's edges.
 * `kindOf` tells the kind of each cell so yes/no cells read "Có"/"Đạt"/"x".
 */
export function planPaste(
  block: string[][],
  start: { row: number; column: number },
  size: { rows: number; columns: number },
  kindOf: (row: number, column: number) => "boolean" | "number",
): PasteTarget[] {
  const targets: PasteTarget[] = [];
  block.forEach((cells, rowOffset) => {
    const row = start.row + rowOffset;
    if (row >= size.rows) return;
    cells.forEach((raw, columnOffset) => {
      const column = start.column + columnOffset;
      if (column >= size.columns) return;
      targets.push({ row, column, cell: readPastedCell(kindOf(row, column), raw) });
    });
  });
  return targets;
}
