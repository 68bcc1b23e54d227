import type { LevelCode } from "@ntm/domain";
import { useSyncExternalStore } from "react";
import { FirstBreadcrumb, type FirstCrumb } from "../../app/first-breadcrumb.tsx";
import { FirstDemoTag } from "../../app/first-demo-tag.tsx";
import { statusPalette } from "../../components/status-style.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import "./first-headline.css";

// The first script does without the date library that lib/format.ts brings.
const numberLocale = { vi: "vi-VN", en: "en-GB" } as const;
const levels: readonly LevelCode[] = ["standard", "advanced", "model", "modern"];

/**
 * The scorecard's headline (unit, "Đạt X/19", level) drawn from the first script as soon as the
 * scorecard's answer arrives, before the component library and the page's code: on a slow link
 * the officer reads the figure seconds earlier. The full page replaces it with the same layout.
 */
export interface ScorecardHeadline {
  /** The page it belongs to, e.g. "/units/23344". */
  pathname: string;
  year: number;
  unitName: string;
  ancestors: FirstCrumb[];
  /** The units it was formed from and those that took it over, with the day. */
  predecessors: LineageLink[];
  successors: LineageLink[];
  setName: string;
  classLabel: string | null;
  valuesEntered: number;
  valuesExpected: number;
  criteriaMet: number;
  criteriaTotal: number;
  level: LevelCode | null;
  demo: boolean;
  overrideRule: string | null;
}

interface LineageLink {
  code: string;
  name: string;
  effectiveDate: string;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
const text = (value: unknown) => (typeof value === "string" ? value : null);
const count = (value: unknown) => (typeof value === "number" ? value : null);

function linksOf(value: unknown): LineageLink[] {
  if (!Array.isArray(value)) return [];
  return value.map(record).flatMap((link) => {
    const [code, name, effectiveDate] = [
      text(link.code),
      text(link.name),
      text(link.effectiveDate),
    ];
    return code && name && effectiveDate ? [{ code, name, effectiveDate }] : [];
  });
}

/** 2025-07-01 as 01/07/2025, without the date library. */
const dayMonthYear = (date: string) => date.slice(0, 10).split("-").reverse().join("/");

/**
 * What the headline needs from a scorecard answer, read before the answer's schema has loaded;
 * null for anything else, and for a year without values (the page itself offers what to do).
 */
export function headlineOf(answer: unknown, pathname: string, year: number) {
  const body = record(answer);
  const unit = record(body.unit);
  const unitName = text(unit.name);
  const setName = text(record(body.set).name);
  const path = Array.isArray(unit.path) ? unit.path.map(record) : [];
  const numbers = {
    valuesEntered: count(body.valuesEntered),
    valuesExpected: count(body.valuesExpected),
    criteriaMet: count(body.criteriaMet),
    criteriaTotal: count(body.criteriaTotal),
  };
  if (!unitName || !setName || Object.values(numbers).some((value) => value === null)) return null;
  if (numbers.valuesEntered === 0) return null;
  return {
    pathname,
    year,
    unitName,
    ancestors: path.flatMap((step) => {
      const [code, name] = [text(step.code), text(step.name)];
      return code && name && code !== unit.code ? [{ code, name }] : [];
    }),
    predecessors: linksOf(unit.predecessors),
    successors: linksOf(unit.successors),
    setName,
    classLabel: text(body.classLabel),
    valuesEntered: numbers.valuesEntered ?? 0,
    valuesExpected: numbers.valuesExpected ?? 0,
    criteriaMet: numbers.criteriaMet ?? 0,
    criteriaTotal: numbers.criteriaTotal ?? 0,
    level: levels.find((level) => level === body.level) ?? null,
    demo: record(body.assessment).demo === true,
    overrideRule: text(record(body.overrideRule).description),
  } satisfies ScorecardHeadline;
}

let current: ScorecardHeadline | null = null;
const listeners = new Set<() => void>();

function publish(next: ScorecardHeadline | null) {
  current = next;
  for (const listener of listeners) listener();
}

/** Draws the headline once the early scorecard answer has arrived. */
export function showHeadlineFrom(answer: Promise<unknown>, pathname: string, year: number) {
  void answer.then((body) => {
    const headline = headlineOf(body, pathname, year);
    if (headline) publish(headline);
  });
}

/** The full page is on screen: the headline is never shown again (its figures would age). */
export function forgetHeadline() {
  if (current) publish(null);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The headline of the page at `pathname`, if its answer has arrived and the page is not drawn yet. */
export function useFirstHeadline(pathname: string): ScorecardHeadline | null {
  const read = () => current;
  const headline = useSyncExternalStore(subscribe, read, read);
  return headline?.pathname === pathname ? headline : null;
}

/** The scorecard header's markup and classes, without the component library. */
export function FirstHeadline({ headline }: { headline: ScorecardHeadline }) {
  const { t, language } = useI18n();
  const numbers = new Intl.NumberFormat(numberLocale[language]);
  const palette = headline.level ? statusPalette.met : statusPalette.not_met;
  return (
    <div className="page scorecard-page first-headline" aria-busy="true">
      <section className="scorecard-header" aria-labelledby="unit-title">
        <FirstBreadcrumb ancestors={headline.ancestors} unitName={headline.unitName} />
        <div className="title-row">
          <h1 id="unit-title" className="page-title">
            {headline.unitName}
          </h1>
          {headline.demo && <FirstDemoTag />}
          {/* The page's print button, in its place until the page can print. */}
          <button type="button" className="first-button" disabled>
            <span className="first-icon" aria-hidden />
            {t("print.button")}
          </button>
        </div>
        <p className="page-meta">
          {headline.setName} · {t("header.year")} {headline.year}
          {headline.classLabel ? ` · ${t("scorecard.classification")}: ${headline.classLabel}` : ""}
          {" · "}
          {t("scorecard.valuesEntered", {
            entered: numbers.format(headline.valuesEntered),
            expected: numbers.format(headline.valuesExpected),
          })}
        </p>
        {headline.overrideRule && <p className="page-meta">{headline.overrideRule}</p>}
        <FirstLineage headline={headline} />
        <div className="score-summary">
          <div
            className="score-big"
            data-testid="criteria-met"
            data-met={headline.criteriaMet}
            data-total={headline.criteriaTotal}
          >
            {t("scorecard.criteriaMet", {
              met: headline.criteriaMet,
              total: headline.criteriaTotal,
            })}
          </div>
          <div className="score-level">
            <span className="score-level-label">{t("scorecard.levelReached")}</span>
            <span
              className="status-tag status-tag-large"
              data-level={headline.level ?? "none"}
              data-testid="level-reached"
              style={{
                color: palette.text,
                background: palette.background,
                borderColor: palette.border,
              }}
            >
              {t(headline.level ? `level.${headline.level}` : "level.none")}
            </span>
          </div>
        </div>
      </section>
    </div>
  );
}

/** The commune's lineage line, as the page writes it (scorecard-header.tsx). */
function FirstLineage({ headline }: { headline: ScorecardHeadline }) {
  const { t } = useI18n();
  const { predecessors, successors } = headline;
  if (predecessors.length === 0 && successors.length === 0) return null;
  const links = (items: LineageLink[]) =>
    items.map((item, index) => (
      <span key={item.code}>
        {index > 0 && ", "}
        <a href={`/units/${encodeURIComponent(item.code)}`}>{item.name}</a> (
        {dayMonthYear(item.effectiveDate)})
      </span>
    ));
  return (
    <p className="page-meta">
      {predecessors.length > 0 && (
        <span>
          {t("units.predecessors")}: {links(predecessors)}.{" "}
        </span>
      )}
      {successors.length > 0 && (
        <span>
          {t("units.successors")}: {links(successors)}.
        </span>
      )}
    </p>
  );
}
