/** A CSS string literal; `<` is escaped too, so a name can never close the style element. */
export function cssString(text: string): string {
  const escaped = text
    .replace(/\\/g, "\\\\")
    .replace(/"/g, '\\"')
    .replace(/</g, "\\3c ")
    .replace(/\s+/g, " ");
  return `"${escaped}"`;
}

/** dd/MM/yyyy of the given instant in Viet Nam, whatever the device's time zone. */
export function printDate(now: Date): string {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Asia/Ho_Chi_Minh",
    day: "2-digit",
    month: "2-digit",
    year: "numeric",
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((candidate) => candidate.type === type)?.value ?? "";
  return `${part("day")}/${part("month")}/${part("year")}`;
}

/**
 * The running header and footer of every printed page after the first (the first shows the
 * print header itself): what is printed and for whom on the left, the print date and the demo
 * mark on the right, page numbers below.
 */
export function runningHeaderCss(text: { left: string; right: string; page: string }): string {
  const small = "font: 8.5pt/1.2 system-ui, sans-serif; color: #434343;";
  return [
    "@page {",
    `  @top-left { content: ${cssString(text.left)}; ${small} }`,
    `  @top-right { content: ${cssString(text.right)}; ${small} }`,
    `  @bottom-right { content: ${cssString(text.page)} " " counter(page) "/" counter(pages); ${small} }`,
    "}",
    "@page :first {",
    "  @top-left { content: none; }",
    "  @top-right { content: none; }",
    "}",
  ].join("\n");
}
