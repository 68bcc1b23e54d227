import type { TargetStatus } from "@ntm/domain";
import { createFirstPaintStore, useFirstPaint } from "../../app/first-paint-store.ts";
import { amberPalette, statusPalette } from "../../components/status-style.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import "./targets.css";
import "./first-targets.css";

/**
 * The targets of a dashboard (status, actual, target, gap and rule) drawn from the first script as
 * soon as the dashboard's answer arrives, before the component library, the page's code and the
 * map: on a slow link the leader reads where the targets stand seconds earlier. The page replaces
 * them with the same layout.
 */
export interface FirstTarget {
  id: number;
  name: string;
  unitName: string;
  deadlineYear: number;
  source: string | null;
  status: TargetStatus;
  /** The year of the results the status was judged on. */
  year: number;
  actual: number | null;
  target: number | null;
  gap: number | null;
  unit: string;
  milestone: { year: number; value: number } | null;
  rule: string;
  /** For a target of a unit above: the viewed unit's communes in it and those behind. */
  share: { unitName: string; communes: number; behind: number } | null;
}

export interface TargetFigures {
  /** The page it belongs to, e.g. "/targets/62". */
  pathname: string;
  year: number;
  unitName: string;
  targets: FirstTarget[];
}

const statuses: readonly TargetStatus[] = ["met", "onTrack", "atRisk", "offTrack", "noData"];
const palettes: Record<TargetStatus, { text: string; background: string; border: string }> = {
  met: statusPalette.met,
  onTrack: statusPalette.met,
  atRisk: amberPalette,
  offTrack: statusPalette.not_met,
  noData: statusPalette.missing,
};
const numberLocale = { vi: "vi-VN", en: "en-GB" } as const;

const record = (value: unknown): Record<string, unknown> =>
  typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
const text = (value: unknown) => (typeof value === "string" ? value : null);
const count = (value: unknown) => (typeof value === "number" ? value : null);

function targetOf(item: unknown): FirstTarget | null {
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
  const year = count(body.year);
  const items = [
    ...(Array.isArray(body.targets) ? body.targets : []),
    ...(Array.isArray(body.fromAbove) ? body.fromAbove : []),
  ];
  const targets = items.map(targetOf);
  if (!unitName || year === null || targets.length === 0) return null;
  if (targets.some((target) => target === null)) return null;
  return { pathname, year, unitName, targets: targets.filter((target) => target !== null) };
}

const store = createFirstPaintStore<TargetFigures>();

/** Draws the targets once the early dashboard answer has arrived. */
export function showTargetsFrom(answer: Promise<unknown>, pathname: string) {
  void answer.then((body) => {
    const figures = targetFiguresOf(body, pathname);
    if (figures) store.publish(figures);
  });
}

/** The dashboard is on screen: the targets drawn before it are never shown again. */
export const forgetTargets = store.forget;

/** The targets of the page at `pathname`, if their answer has arrived and the page is not drawn. */
export function useFirstTargets(pathname: string): TargetFigures | null {
  return useFirstPaint(store, pathname);
}

/** The dashboard's title and target cards, without the component library. */
export function FirstTargets({ figures }: { figures: TargetFigures }) {
  const { t, language } = useI18n();
  const numbers = new Intl.NumberFormat(numberLocale[language], { maximumFractionDigits: 2 });
  const figure = (value: number | null, unit: string) =>
    value === null
      ? "—"
      : unit === "%"
        ? `${numbers.format(value)} %`
        : `${numbers.format(value)} ${unit}`;
  return (
    <div className="page targets-page first-paint" aria-busy="true">
      <div className="title-row">
        <h1 className="page-title">
          {t("targets.title")}: {figures.unitName}
        </h1>
      </div>
      <p className="page-meta">{t("targets.yearOfData", { year: figures.year })}</p>
      <section className="section">
        <h2>{t("targets.panel")}</h2>
        <div className="targets-grid" data-testid="targets-panel">
          {figures.targets.map((target) => {
            const palette = palettes[target.status];
            return (
              <div
                key={target.id}
                className="first-target-card target-card"
                data-testid={`first-target-${target.id}`}
                data-status={target.status}
              >
                <div className="first-target-card-head">
                  <span className="target-card-title">
                    <span
                      className="status-tag"
                      data-target-status={target.status}
                      style={{
                        color: palette.text,
                        background: palette.background,
                        borderColor: palette.border,
                      }}
                    >
                      {t(`targets.status.${target.status}`)}
                    </span>
                    <span>{target.name}</span>
                  </span>
                </div>
                <div className="first-target-card-body">
                  <p className="target-meta">
                    {target.unitName} · {t("targets.deadline")} {target.deadlineYear} ·{" "}
                    {t("targets.yearOfData", { year: target.year })}
                  </p>
                  {target.share && (
                    <p className="target-share">
                      {t("targets.share", {
                        unit: target.share.unitName,
                        communes: target.share.communes,
                        behind: target.share.behind,
                      })}
                    </p>
                  )}
                  <dl className="target-figures">
                    <div>
                      <dt>{t("targets.actual")}</dt>
                      <dd data-testid="first-target-actual">
                        {figure(target.actual, target.unit)}
                      </dd>
                    </div>
                    <div>
                      <dt>{t("targets.target")}</dt>
                      <dd>{figure(target.target, target.unit)}</dd>
                    </div>
                    {target.milestone && target.milestone.year < target.deadlineYear && (
                      <div>
                        <dt>{t("targets.milestone", { year: target.milestone.year })}</dt>
                        <dd>{figure(target.milestone.value, target.unit)}</dd>
                      </div>
                    )}
                    <div>
                      <dt>{t("targets.gap")}</dt>
                      <dd>{figure(target.gap, target.unit)}</dd>
                    </div>
                  </dl>
                  <p className="target-rule">
                    <strong>{t("targets.rule")}:</strong> {target.rule}
                  </p>
                  {target.source && (
                    <p className="target-meta">
                      {t("targets.source")}: {target.source}
                    </p>
                  )}
                </div>
              </div>
            );
          })}
        </div>
      </section>
    </div>
  );
}
