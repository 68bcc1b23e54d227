import type { LevelCode } from "@ntm/domain";
import { createFirstPaintStore, useFirstPaint } from "../../app/first-paint-store.ts";
import { FirstBreadcrumb, type FirstCrumb } from "../../app/first-breadcrumb.tsx";
import { FirstDemoTag } from "../../app/first-demo-tag.tsx";
import { statusPalette } from "../../components/status-style.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import "./overview.css";

/**
 * A province's or district's figures (communes, evaluated, average, communes by level) drawn from
 * the first script as soon as the summary answer arrives, before the component library and the
 * overview's code: on a slow link a leader reads them seconds earlier. The page replaces them with
 * the same layout.
 */
export interface OverviewFigures {
  /** The page it belongs to, e.g. "/units/62". */
  pathname: string;
  year: number;
  unitName: string;
  unitLevel: UnitLevel;
  ancestors: FirstCrumb[];
  setName: string;
  demo: boolean;
  communes: number;
  evaluated: number;
  averageCriteriaMet: number | null;
  byLevel: { level: LevelCode | "none"; count: number }[];
}

const unitLevels = ["province", "district", "commune", "village"] as const;
type UnitLevel = (typeof unitLevels)[number];
const levels: readonly (LevelCode | "none")[] = ["standard", "advanced", "model", "modern", "none"];
const numberLocale = { vi: "vi-VN", en: "en-GB" } as const;

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
const text = (value: unknown) => (typeof value === "string" ? value : null);
const count = (value: unknown) => (typeof value === "number" ? value : null);

/**
 * What the figures need from the summary answer (and the unit's path from the unit's answer),
 * read before the answers' schemas have loaded; null for anything else, another year, or a year
 * without a criteria set (the page explains that case).
 */
export function figuresOf(
  summary: unknown,
  detail: unknown,
  pathname: string,
  year: number,
): OverviewFigures | null {
  const body = record(summary);
  const unit = record(body.unit);
  const unitName = text(unit.name);
  const unitLevel = unitLevels.find((level) => level === unit.level);
  const setName = text(record(body.set).name);
  const communes = count(body.communes);
  const evaluated = count(body.evaluated);
  const average = body.averageCriteriaMet === null ? null : count(body.averageCriteriaMet);
  const byLevel = Array.isArray(body.byLevel) ? body.byLevel.map(record) : [];
  if (!unitName || !unitLevel || !setName || communes === null || evaluated === null) return null;
  if (body.year !== year || (average === null && body.averageCriteriaMet !== null)) return null;
  const counts = byLevel.flatMap((entry) => {
    const level = levels.find((candidate) => candidate === entry.level);
    const value = count(entry.count);
    return level && value !== null ? [{ level, count: value }] : [];
  });
  const unitDetail = record(detail);
  const path =
    unitDetail.code === unit.code && Array.isArray(unitDetail.path) ? unitDetail.path : [];
  return {
    pathname,
    year,
    unitName,
    unitLevel,
    ancestors: path.map(record).flatMap((step) => {
      const [code, name] = [text(step.code), text(step.name)];
      return code && name && code !== unit.code ? [{ code, name }] : [];
    }),
    setName,
    demo: body.demo === true,
    communes,
    evaluated,
    averageCriteriaMet: average,
    byLevel: counts,
  };
}

const store = createFirstPaintStore<OverviewFigures>();

/** Draws the figures once the early summary (and the unit's) answers have arrived. */
export function showFiguresFrom(
  summary: Promise<unknown>,
  detail: Promise<unknown> | null,
  pathname: string,
  year: number,
) {
  void Promise.all([summary, detail]).then(([body, unit]) => {
    const figures = figuresOf(body, unit, pathname, year);
    if (figures) store.publish(figures);
  });
}

/** The overview is on screen: the figures drawn before it are never shown again. */
export const forgetFigures = store.forget;

/** The figures of the page at `pathname`, if their answer has arrived and the page is not drawn. */
export function useFirstFigures(pathname: string): OverviewFigures | null {
  return useFirstPaint(store, pathname);
}

/** The overview's header, figures and the histogram's heading, without the component library. */
export function FirstFigures({ figures }: { figures: OverviewFigures }) {
  const { t, language } = useI18n();
  const numbers = new Intl.NumberFormat(numberLocale[language], { maximumFractionDigits: 2 });
  const average = new Intl.NumberFormat(numberLocale[language], { maximumFractionDigits: 1 });
  const tiles = [
    { label: t("overview.communes"), value: numbers.format(figures.communes) },
    { label: t("overview.evaluated"), value: numbers.format(figures.evaluated) },
    {
      label: t("overview.average"),
      value: figures.averageCriteriaMet === null ? "—" : average.format(figures.averageCriteriaMet),
    },
  ];
  return (
    <div className="page overview-page first-paint" aria-busy="true">
      <FirstBreadcrumb ancestors={figures.ancestors} unitName={figures.unitName} />
      <div className="title-row">
        <h1 className="page-title">{figures.unitName}</h1>
        {figures.demo && <FirstDemoTag />}
      </div>
      <p className="page-meta">
        {t(`unitLevel.${figures.unitLevel}`)} · {t("header.year")} {figures.year} ·{" "}
        {figures.setName}
      </p>
      <section className="figures-section" aria-label={t("overview.byLevel")}>
        <div className="figures">
          {tiles.map((tile) => (
            <div key={tile.label} className="figure figure-link">
              <span className="figure-value">{tile.value}</span>
              <span className="figure-label">{tile.label}</span>
            </div>
          ))}
        </div>
        <h2 className="section-title">{t("overview.byLevel")}</h2>
        <ul className="level-counts">
          {figures.byLevel.map((entry) => {
            const palette = entry.level === "none" ? statusPalette.not_met : statusPalette.met;
            return (
              <li key={entry.level}>
                <span className="level-count" style={{ minHeight: 44 }}>
                  <span
                    className="status-tag"
                    data-level={entry.level}
                    style={{
                      color: palette.text,
                      background: palette.background,
                      borderColor: palette.border,
                    }}
                  >
                    {t(`level.${entry.level}`)}
                  </span>
                  <span className="level-count-value" data-testid={`first-level-${entry.level}`}>
                    {numbers.format(entry.count)}
                  </span>
                </span>
              </li>
            );
          })}
        </ul>
      </section>
      <section className="card-section" aria-labelledby="first-histogram-title">
        <h2 id="first-histogram-title" className="section-title">
          {t("overview.histogramTitle")}
        </h2>
        <p className="hint">{t("overview.histogramHint")}</p>
        <div style={{ height: 260 }} role="status" aria-label={t("overview.chartLoading")} />
      </section>
    </div>
  );
}
