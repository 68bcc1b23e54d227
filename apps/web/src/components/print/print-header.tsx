import { useEffect, useState } from "react";
import { flushSync } from "react-dom";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { DemoTag } from "../demo-tag.tsx";
import { printDate, runningHeaderCss } from "./print-text.ts";

interface PrintHeaderProps {
  /** What the sheet is: "Kết quả đánh giá tiêu chí nông thôn mới", "Hồ sơ", … */
  title: string;
  /** The unit the figures belong to. */
  unit: string;
  /** The year of the figures; `period` instead where the page spans several periods. */
  year?: number | undefined;
  period?: string | undefined;
  /** The figures come from demo data. */
  demo: boolean;
}

/**
 * Shown only on paper: the first page opens with what is printed, for which unit and year, the
 * day it was printed and "Dữ liệu minh họa" for demo data; the following pages repeat it in their
 * margin, with page numbers.
 */
export function PrintHeader({ title, unit, year, period, demo }: PrintHeaderProps) {
  const { t } = useI18n();
  const [today, setToday] = useState(() => printDate(new Date()));
  useEffect(() => {
    // A page left open overnight prints today's date: the header is redrawn before printing.
    const refresh = () => flushSync(() => setToday(printDate(new Date())));
    window.addEventListener("beforeprint", refresh);
    return () => window.removeEventListener("beforeprint", refresh);
  }, []);
  const when = period ?? (year === undefined ? "" : t("print.year", { year }));
  const left = [unit, when].filter(Boolean).join(" · ");
  const printedOn = t("print.printedOn", { date: today });
  const right = demo ? `${printedOn} · ${t("common.demo")}` : printedOn;
  return (
    <div className="print-header" data-testid="print-header">
      <style>{runningHeaderCss({ left, right, page: t("print.page") })}</style>
      <div className="print-header-row">
        <span className="print-header-title">{title}</span>
        <span data-testid="print-date">{printedOn}</span>
      </div>
      <div className="print-header-row">
        <span className="print-header-unit" data-testid="print-unit">
          {left}
        </span>
        {demo && <DemoTag />}
      </div>
    </div>
  );
}
