import dayjs from "dayjs";
import type { Language } from "./i18n/dictionary.ts";

const locales: Record<Language, string> = { vi: "vi-VN", en: "en-GB" };
const numberFormats = new Map<string, Intl.NumberFormat>();

/** "1.234,5" in Vietnamese, "1,234.5" in English; at most `fractionDigits` decimals. */
export function formatNumber(value: number, language: Language = "vi", fractionDigits = 2): string {
  const key = `${language}:${fractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locales[language], { maximumFractionDigits: fractionDigits });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** "85,5 %": the UX guide puts a space before the percent sign. */
export function formatPercent(value: number, language: Language = "vi"): string {
  return `${formatNumber(value, language)} %`;
}

/** A value with its unit; percent indicators carry "%" as their unit. */
export function formatQuantity(value: number, unit: string | undefined, language: Language = "vi") {
  if (unit === "%") return formatPercent(value, language);
  return unit ? `${formatNumber(value, language)} ${unit}` : formatNumber(value, language);
}

/** dd/MM/yyyy; ISO dates without a time are read as calendar dates, not as UTC instants. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "";
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format("DD/MM/YYYY") : value;
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return "";
  const parsed = dayjs(value);
  return parsed.isValid() ? parsed.format("DD/MM/YYYY HH:mm") : value;
}

export function formatFileSize(bytes: number, language: Language = "vi"): string {
  if (bytes < 1024) return `${formatNumber(bytes, language)} B`;
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 102.4) / 10, language)} KB`;
  return `${formatNumber(Math.round(bytes / (1024 * 102.4)) / 10, language)} MB`;
}

export type ParsedNumber = { ok: true; value: number | null } | { ok: false };

/**
 * Reads a number typed the Vietnamese way ("12,5", "1.234,5") or the English way ("12.5").
 * A lone dot followed by exactly three digits ("1.234") is a thousands separator, as in Vietnamese.
 */
export function parseLocalNumber(text: string): ParsedNumber {
  const trimmed = text.replace(/[\s\u00a0]/g, "").replace(/%$/, "");
  if (trimmed === "") return { ok: true, value: null };
  let normalised: string;
  if (trimmed.includes(",")) {
    if ((trimmed.match(/,/g) ?? []).length > 1) return { ok: false };
    normalised = trimmed.replace(/\./g, "").replace(",", ".");
  } else if (/^-?[1-9]\d{0,2}(\.\d{3})+$/.test(trimmed)) {
    normalised = trimmed.replace(/\./g, "");
  } else {
    normalised = trimmed;
  }
  if (!/^-?\d+(\.\d+)?$/.test(normalised) && !/^-?\.\d+$/.test(normalised)) return { ok: false };
  const value = Number(normalised);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

/** The text an input shows for a stored number: Vietnamese decimal comma, no grouping. */
export function numberToInput(value: number, language: Language = "vi"): string {
  const plain = String(value);
  return language === "vi" ? plain.replace(".", ",") : plain;
}
