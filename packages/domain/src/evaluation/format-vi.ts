const numberFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });

/** Formats a number the Vietnamese way: "1.234,5". */
export function formatNumberVi(value: number): string {
  return numberFormat.format(value);
}

/** Formats an indicator value or threshold with its unit: "85,5 %", "Có", "45 triệu đồng/người/năm". */
export function formatValueVi(value: number | boolean, unit?: string): string {
  if (typeof value === "boolean") return value ? "Có" : "Không";
  const text = formatNumberVi(value);
  if (!unit) return text;
  return `${text} ${unit}`;
}
