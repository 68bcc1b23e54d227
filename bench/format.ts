/** Number and table formatting for the bench's console output. */

export function fmtInt(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString("en-US") : "–";
}

export function fmtNum(value: number, digits = 1): string {
  return Number.isFinite(value)
    ? value.toLocaleString("en-US", {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      })
    : "–";
}

export function fmtSeconds(ms: number): string {
  return `${fmtNum(ms / 1000, ms < 10_000 ? 2 : 1)} s`;
}

export function fmtMs(ms: number): string {
  return `${fmtNum(ms, ms < 10 ? 2 : ms < 100 ? 1 : 0)} ms`;
}

export function fmtMiB(bytes: number): string {
  return `${fmtNum(bytes / 1024 / 1024, 0)} MiB`;
}

/** Per second, from a count and a duration in milliseconds. */
export function perSecond(count: number, ms: number): number {
  return ms > 0 ? (count * 1000) / ms : Number.NaN;
}

/** A Markdown table (readable in a terminal too) from a header row and body rows. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) =>
    Math.max(cell.length, ...rows.map((row) => (row[column] ?? "").length)),
  );
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(" | ")} |`;
  return [
    line(header),
    `|${widths.map((width) => "-".repeat(width + 2)).join("|")}|`,
    ...rows.map(line),
  ].join("\n");
}

/** Milliseconds elapsed while running `task`. */
export async function timed<T>(task: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const start = performance.now();
  const result = await task();
  return { result, ms: performance.now() - start };
}
