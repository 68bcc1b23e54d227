import type { IndicatorKind } from "../catalog/criteria-set.ts";

/** A raw spreadsheet or CSV cell, before it is read as an indicator value. */
export type RawCell = string | number | boolean | null | undefined;

export type CellReading =
  { ok: true; value: number | boolean | null } | { ok: false; reason: string };

const trueWords = new Set(["đạt", "có", "x", "true", "yes", "1"]);
const falseWords = new Set(["không đạt", "chưa đạt", "không", "false", "no", "0"]);

/**
 * Reads a number written the Vietnamese way ("12,5", "1.234,5") or the English way ("12.5").
 * A lone dot followed by exactly three digits ("1.234") is refused: in Vietnamese it means 1234,
 * in a spreadsheet exported in English it means 1.234, and guessing would silently change data.
 */
export function parseNumberVi(text: string): CellReading {
  const cleaned = text.trim().replace(/\s+/g, "").replace(/%$/, "");
  if (cleaned === "") return { ok: true, value: null };
  let normalized: string;
  if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(cleaned) || /^-?\d{1,3}(\.\d{3}){2,}$/.test(cleaned)) {
    normalized = cleaned.replace(/\./g, "").replace(",", ".");
  } else if (/^-?\d+,\d+$/.test(cleaned)) {
    normalized = cleaned.replace(",", ".");
  } else if (/^-?\d{1,3}\.\d{3}$/.test(cleaned)) {
    return {
      ok: false,
      reason: `"${text.trim()}" không rõ nghĩa: viết "${cleaned.replace(".", "")}" nếu là số nghìn hoặc "${cleaned.replace(".", ",")}" nếu là số thập phân`,
    };
  } else if (/^-?\d+(\.\d+)?$/.test(cleaned)) {
    normalized = cleaned;
  } else {
    return { ok: false, reason: `"${text.trim()}" không phải là số` };
  }
  const value = Number(normalized);
  return Number.isFinite(value)
    ? { ok: true, value }
    : { ok: false, reason: `"${text.trim()}" không phải là số` };
}

/** Reads a yes/no cell: "Đạt", "Có", "x", "1" or "Không đạt", "Không", "0". */
export function parseBooleanVi(raw: RawCell): CellReading {
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === "boolean") return { ok: true, value: raw };
  if (typeof raw === "number") {
    if (raw === 1) return { ok: true, value: true };
    if (raw === 0) return { ok: true, value: false };
    return { ok: false, reason: `${raw} không phải Đạt/Không đạt (dùng 1 hoặc 0)` };
  }
  const word = raw.trim().toLocaleLowerCase("vi");
  if (word === "") return { ok: true, value: null };
  if (trueWords.has(word)) return { ok: true, value: true };
  if (falseWords.has(word)) return { ok: true, value: false };
  return { ok: false, reason: `"${raw.trim()}" không phải Đạt/Không đạt` };
}

/** Reads one cell for an indicator of the given kind; an empty cell is "no value". */
export function parseCellValue(kind: IndicatorKind, raw: RawCell): CellReading {
  if (kind === "boolean") return parseBooleanVi(raw);
  if (raw === null || raw === undefined) return { ok: true, value: null };
  if (typeof raw === "number") {
    return Number.isFinite(raw)
      ? { ok: true, value: raw }
      : { ok: false, reason: "không phải là số" };
  }
  if (typeof raw === "boolean") return { ok: false, reason: "cần một số, không phải Có/Không" };
  return parseNumberVi(raw);
}
