import type { ReadCell, ReadRow } from "./read-sheet.ts";

const quote = 0x22;
const lineFeed = 0x0a;
const carriageReturn = 0x0d;

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

  /**
   * Scans the text by character code and cuts each field out with one slice (a field split by
   * a quote or by the end of a piece is joined from its slices): no string grows a character at a
   * time.
   */
  private split(text: string): ReadRow[] {
    const rows: ReadRow[] = [];
    const delimiter = (this.delimiter as string).charCodeAt(0);
    // Where the part of the current field not yet in `this.field` starts in `text`.
    let start = 0;
    for (let index = 0; index < text.length; index += 1) {
      const code = text.charCodeAt(index);
      if (this.skipLineFeed) {
        this.skipLineFeed = false;
        if (code === lineFeed) {
          start = index + 1;
          continue;
        }
      }
      if (this.quoteSeen) {
        this.quoteSeen = false;
        if (code === quote) {
          this.field += '"';
          start = index + 1;
          continue;
        }
        this.quoted = false;
      } else if (this.quoted) {
        if (code === quote) {
          this.field += text.slice(start, index);
          this.quoteSeen = true;
          start = index + 1;
        } else if (code === lineFeed) this.line += 1;
        continue;
      }
      if (code === quote && start === index && this.field === "") {
        this.quoted = true;
        start = index + 1;
      } else if (code === delimiter) {
        this.field += text.slice(start, index);
        this.endField();
        start = index + 1;
      } else if (code === lineFeed || code === carriageReturn) {
        this.field += text.slice(start, index);
        this.skipLineFeed = code === carriageReturn;
        const row = this.endRow();
        if (row) rows.push(row);
        start = index + 1;
      }
    }
    if (start < text.length) this.field += text.slice(start);
    return rows;
  }
}
