import type { ReadCell, ReadRow } from "./read-sheet.ts";

/**
 * Splits CSV text (RFC 4180 quotes; comma, or semicolon as Excel writes it with decimal commas)
 * into rows as the text arrives, piece by piece: a quote, a doubled quote or a CRLF cut between
 * two pieces is read as if the text were whole. The delimiter is taken from the first line.
 * `onCells` is told each row's width while it is read, so a row too wide is refused early.
 */
export class CsvSplitter {
  private delimiter: string | undefined;
  private head = "";
  private cells: ReadCell[] = [];
  private field = "";
  private quoted = false;
  private quoteSeen = false;
  private skipLineFeed = false;
  private line = 1;
  private rowStart = 1;
  private started = false;

  constructor(private readonly onCells?: (cells: number, row: number) => void) {}

  /** The rows with content that this piece of text completes. */
  push(text: string): ReadRow[] {
    let piece = text;
    if (!this.started) {
      this.started = true;
      if (piece.charCodeAt(0) === 0xfeff) piece = piece.slice(1);
    }
    if (this.delimiter === undefined) {
      this.head += piece;
      const end = this.head.indexOf("\n");
      if (end < 0) return [];
      piece = this.takeDelimiter(end);
    }
    return this.split(piece);
  }

  /** The last row, when the text does not end with a line break. */
  end(): ReadRow[] {
    const rows = this.delimiter === undefined ? this.split(this.takeDelimiter(-1)) : [];
    if (this.quoteSeen) {
      this.quoteSeen = false;
      this.quoted = false;
    }
    if (this.field === "" && this.cells.length === 0) return rows;
    const row = this.endRow();
    return row ? [...rows, row] : rows;
  }

  private takeDelimiter(end: number) {
    const firstLine = end < 0 ? this.head : this.head.slice(0, end);
    this.delimiter = firstLine.includes(";") && !firstLine.includes(",") ? ";" : ",";
    const rest = this.head;
    this.head = "";
    return rest;
  }

  private endField() {
    this.cells.push(this.field === "" ? null : this.field);
    this.field = "";
    this.onCells?.(this.cells.length, this.rowStart);
  }

  private endRow(): ReadRow | undefined {
    this.endField();
    const cells = this.cells;
    const number = this.rowStart;
    this.cells = [];
    this.line += 1;
    this.rowStart = this.line;
    return cells.some((cell) => cell !== null) ? { number, cells } : undefined;
  }

  private split(text: string): ReadRow[] {
    const rows: ReadRow[] = [];
    const delimiter = this.delimiter;
    for (let index = 0; index < text.length; index += 1) {
      const char = text[index] as string;
      if (this.skipLineFeed) {
        this.skipLineFeed = false;
        if (char === "\n") continue;
      }
      if (this.quoteSeen) {
        this.quoteSeen = false;
        if (char === '"') {
          this.field += '"';
          continue;
        }
        this.quoted = false;
      } else if (this.quoted) {
        if (char === '"') this.quoteSeen = true;
        else {
          if (char === "\n") this.line += 1;
          this.field += char;
        }
        continue;
      }
      if (char === '"' && this.field === "") this.quoted = true;
      else if (char === delimiter) this.endField();
      else if (char === "\n" || char === "\r") {
        this.skipLineFeed = char === "\r";
        const row = this.endRow();
        if (row) rows.push(row);
      } else this.field += char;
    }
    return rows;
  }
}
