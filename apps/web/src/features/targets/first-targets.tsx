import { FirstDemoTag } from "../../app/first-demo-tag.tsx";
import { createFirstPaintStore, useFirstPaint } from "../../app/first-paint-store.ts";
import { useSessionUser } from "../../app/layout/first-frame.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { initialYear } from "../../lib/year-context.tsx";
import { sessionSeen } from "../auth/index.ts";
import { dashboardLinks, setsTargets } from "./dashboard-links.ts";
import { forgetKeptDashboard, keepDashboard, keptDashboard } from "./kept-dashboard.ts";
import { TargetCard, type TargetView } from "./target-card.tsx";
import "./targets.css";

/**
 * The targets of a dashboard (status, actual, target, gap and rule) drawn from the first script as
 * soon as the dashboard's answer arrives, before the component library, the page's code and the
 * map: on a slow link the leader reads where the targets stand seconds earlier. The page replaces
 * them with the same cards (target-card.tsx), so its drawing is never a larger paint than this one.
 * On a reload the copy kept in the tab is drawn at once, said to be that copy being brought up to
 * date, until the fresh answer (a 304 when nothing changed) replaces it.
 */
export interface TargetFigures {
  /** The page it belongs to, e.g. "/targets/62". */
  pathname: string;
  year: number;
  unit: { code: string; name: string; level: string };
  /** Some target is demo data. */
  demo: boolean;
  targets: TargetView[];
  /** Drawn from the copy kept in the tab, read at this moment (ms since the epoch). */
  keptAt?: number;
}

const statuses: readonly TargetView["status"][] = [
  "met",
  "onTrack",
  "atRisk",
  "offTrack",
  "noData",
];

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
const text = (value: unknown) => (typeof value === "string" ? value : null);
const count = (value: unknown) => (typeof value === "number" ? value : null);

function targetOf(item: unknown): TargetView | null {
  const target = record(record(item).target);
  const progress = record(record(item).progress);
  const share = record(item).share === undefined ? null : record(record(item).share);
  const status = statuses.find((candidate) => candidate === progress.status);
  const id = count(target.id);
  const name = text(target.name);
  const unitName = text(target.unitName);
  const deadlineYear = count(target.deadlineYear);
  const year = count(progress.year);
  const unit = text(progress.unit);
  const rule = text(progress.rule);
  if (!status || id === null || !name || !unitName || deadlineYear === null) return null;
  if (year === null || unit === null || rule === null) return null;
  const milestone = record(progress.milestone);
  const milestoneYear = count(milestone.year);
  const milestoneValue = count(milestone.value);
  const shareUnit = share && text(share.unitName);
  const shareCommunes = share && count(share.communes);
  return {
    id,
    name,
    unitName,
    deadlineYear,
    source: text(target.source),
    status,
    year,
    actual: count(progress.actual),
    target: count(progress.target),
    gap: count(progress.gap),
    unit,
    milestone:
      milestoneYear !== null && milestoneValue !== null
        ? { year: milestoneYear, value: milestoneValue }
        : null,
    rule,
    share:
      shareUnit && shareCommunes !== null && share
        ? {
            unitName: shareUnit,
            communes: shareCommunes,
            behind: Array.isArray(share.behind) ? share.behind.length : 0,
          }
        : null,
  };
}

/**
 * What the targets need from the dashboard's answer, read before its schema has loaded; null for
 * anything else, or a unit without targets (the page offers to set one).
 */
export function targetFiguresOf(answer: unknown, pathname: string): TargetFigures | null {
  const body = record(answer);
  const unitName = text(record(body.unit).name);
  const unitCode = text(record(body.unit).code);
  const unitLevel = text(record(body.unit).level);
  const year = count(body.year);
  const items = [
    ...(Array.isArray(body.targets) ? body.targets : []),
    ...(Array.isArray(body.fromAbove) ? body.fromAbove : []),
  ];
  const targets = items.map(targetOf);
  if (!unitName || !unitCode || !unitLevel || year === null || targets.length === 0) return null;
  if (targets.some((target) => target === null)) return null;
  return {
    pathname,
    year,
    unit: { code: unitCode, name: unitName, level: unitLevel },
    demo: items.some((item) => record(record(item).target).demo === true),
    targets: targets.filter((target) => target !== null),
  };
}

const store = createFirstPaintStore<TargetFigures>();

const keyOf = (pathname: string, year: number) => `${pathname}?year=${year}`;

/**
 * Draws the targets once the early dashboard answer has arrived; meanwhile the copy kept in the
 * tab for the same account, page and year, if there is one. An answer with nothing to draw (a
 * refusal, no targets) removes the copy from the screen and the tab.
 */
export function showTargetsFrom(answer: Promise<unknown>, pathname: string) {
  const key = keyOf(pathname, initialYear());
  let answered = false;
  void sessionSeen.then((session) => {
    const account = count(record(session).id);
    const kept = account === null ? null : keptDashboard<TargetFigures>(account, key);
    if (kept && !answered) store.publish({ ...kept.figures, pathname, keptAt: kept.savedAt });
  });
  void answer.then((body) => {
    answered = true;
    const figures = targetFiguresOf(body, pathname);
    if (figures) {
      store.publish(figures);
      return;
    }
    store.forget();
    forgetKeptDashboard();
  });
}

/** Keeps the dashboard the page shows in the tab, for a reload by the same account. */
export function keepTargets(account: number, pathname: string, year: number, answer: unknown) {
  const figures = targetFiguresOf(answer, pathname);
  if (!figures) {
    forgetKeptDashboard();
    return;
  }
  keepDashboard({ user: account, key: keyOf(pathname, year), savedAt: Date.now(), figures });
}

/** The dashboard is on screen: the targets drawn before it are never shown again. */
export const forgetTargets = store.forget;

/** The targets of the page at `pathname`, if their answer has arrived and the page is not drawn. */
export function useFirstTargets(pathname: string): TargetFigures | null {
  return useFirstPaint(store, pathname);
}

/** "14:05", or "14:05 06/12/2026" for a copy of another day. */
function keptTime(at: number) {
  const kept = new Date(at);
  const pad = (value: number) => String(value).padStart(2, "0");
  const time = `${pad(kept.getHours())}:${pad(kept.getMinutes())}`;
  const day = `${pad(kept.getDate())}/${pad(kept.getMonth() + 1)}/${kept.getFullYear()}`;
  return kept.toDateString() === new Date().toDateString() ? time : `${time} ${day}`;
}

/** Where a control of the page goes until the application can act on it. */
function ControlPlace({
  label,
  className,
  menu = false,
}: {
  label: string;
  className?: string;
  menu?: boolean;
}) {
  return (
    <button
      type="button"
      className={className ? `first-button ${className}` : "first-button"}
      disabled
    >
      <span className="first-icon" aria-hidden />
      {label}
      {menu && <span className="first-icon" aria-hidden />}
    </button>
  );
}

/**
 * The dashboard's title, its actions and target cards, without the component library, in the
 * page's boxes: the cards are where the page draws them.
 */
export function FirstTargets({ figures }: { figures: TargetFigures }) {
  const { t } = useI18n();
  const user = useSessionUser();
  const { unit } = figures;
  return (
    <div className="page targets-page first-paint" aria-busy="true">
      <div className="title-row">
        <h1 className="page-title">
          {t("targets.title")}: {unit.name}
        </h1>
        {figures.demo && <FirstDemoTag />}
        <ControlPlace label={t("print.button")} />
      </div>
      <div className="targets-actions">
        <ControlPlace label={t("targets.export")} className="targets-export-wide" />
        <ControlPlace label={t("targets.exportDashboard")} className="targets-export-wide" />
        <ControlPlace label={t("targets.export")} className="targets-export-narrow" menu />
        {dashboardLinks(unit, figures.year, t).map((link) => (
          <a key={link.kind} href={link.to}>
            <span className="first-icon" aria-hidden /> {link.label}
          </a>
        ))}
      </div>
      <p className="page-meta">
        {t("targets.yearOfData", { year: figures.year })}
        {figures.keptAt !== undefined && (
          <span data-testid="first-targets-kept">
            {" · "}
            {t("targets.keptCopy", { time: keptTime(figures.keptAt) })}
          </span>
        )}
      </p>
      <section className="section">
        <h2>{t("targets.panel")}</h2>
        {user?.permissions["target.write"] && setsTargets(unit.level) && (
          <div className="targets-actions">
            <ControlPlace label={t("targets.editor.add")} />
          </div>
        )}
        <div className="targets-grid" data-testid="targets-panel">
          {figures.targets.map((target) => (
            <TargetCard key={target.id} view={target} testId="first-target" />
          ))}
        </div>
      </section>
    </div>
  );
}
