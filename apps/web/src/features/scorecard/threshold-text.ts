import type { ThresholdUsed } from "@ntm/domain";
import { formatDate, formatPercent, formatQuantity } from "../../lib/format.ts";
import type { Language } from "../../lib/i18n/dictionary.ts";
import type { Translate } from "../../lib/i18n/i18n-context.tsx";

const comparatorSymbols: Record<ThresholdUsed["comparator"], string> = {
  ">=": "≥",
  "<=": "≤",
  ">": ">",
  "<": "<",
  is: "",
};

export function formatValue(
  value: number | boolean | null | undefined,
  unit: string | undefined,
  t: Translate,
  language: Language,
): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "boolean") return value ? t("common.yes") : t("common.no");
  return formatQuantity(value, unit, language);
}

/** "≥ 80 %", "Có", plus where the row applies: "≥ 45 triệu đồng/người/năm · vùng Tây Nguyên · năm 2024–2024". */
export function thresholdText(
  threshold: ThresholdUsed,
  unit: string | undefined,
  t: Translate,
  language: Language,
): string {
  const symbol = comparatorSymbols[threshold.comparator];
  const value = formatValue(threshold.value, unit, t, language);
  const parts = [symbol ? `${symbol} ${value}` : value];
  if (threshold.classLabel) parts.push(t("indicator.class", { label: threshold.classLabel }));
  if (threshold.fromYear !== undefined || threshold.toYear !== undefined) {
    parts.push(
      t("indicator.years", { from: threshold.fromYear ?? "…", to: threshold.toYear ?? "…" }),
    );
  }
  if (threshold.derived) {
    parts.push(
      t("indicator.derived", {
        factor: formatPercent(Math.round(threshold.derived.factor * 1000) / 10, language),
        level: t(`level.${threshold.derived.fromLevel}`),
      }),
    );
  }
  return parts.join(" · ");
}

/** "318/QĐ-TTg ngày 08/03/2022, Phụ lục I, tiêu chí 2". */
export function basisText(basis: ThresholdUsed["basis"], t: Translate): string {
  const parts = [basis.document];
  if (basis.date) parts.push(t("indicator.documentDate", { date: formatDate(basis.date) }));
  const head = parts.join(" ");
  return basis.article ? `${head}, ${basis.article}` : head;
}
