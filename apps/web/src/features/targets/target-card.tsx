import type { TargetWithProgress } from "@ntm/contracts";
import type { TargetStatus } from "@ntm/domain";
import type { ReactNode } from "react";
import { amberPalette, statusPalette } from "../../components/status-style.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";

/** What a target's card shows: status, actual, target, the year's milestone, gap and rule. */
export interface TargetView {
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

/** The card's view of a target of the dashboard's answer. */
export function targetViewOf({ target, progress, share }: TargetWithProgress): TargetView {
  return {
    id: target.id,
    name: target.name,
    unitName: target.unitName,
    deadlineYear: target.deadlineYear,
    source: target.source,
    status: progress.status,
    year: progress.year,
    actual: progress.actual,
    target: progress.target,
    gap: progress.gap,
    unit: progress.unit,
    milestone: progress.milestone,
    rule: progress.rule,
    share: share
      ? { unitName: share.unitName, communes: share.communes, behind: share.behind.length }
      : null,
  };
}

/** The UX guide: on track green, at risk amber, off track red; always with the word and an icon. */
export const targetPalettes: Record<
  TargetStatus,
  { text: string; background: string; border: string }
> = {
  met: statusPalette.met,
  onTrack: statusPalette.met,
  atRisk: amberPalette,
  offTrack: statusPalette.not_met,
  noData: statusPalette.missing,
};

const numberLocale = { vi: "vi-VN", en: "en-GB" } as const;

/**
 * A target's card, the same boxes whether the first script draws it (before the component
 * library, without the status icon, whose place is kept) or the page (with its icon, the links to
 * the communes, the edit button and the communes behind, in `links` and `children`): the page's
 * drawing of a card is never a larger paint than the first one, which stays the largest.
 */
export function TargetCard({
  view,
  testId,
  icon,
  links,
  children,
}: {
  view: TargetView;
  /** "target" on the page, "first-target" before it. */
  testId: "target" | "first-target";
  icon?: ReactNode;
  links?: ReactNode;
  children?: ReactNode;
}) {
  const { t, language } = useI18n();
  const numbers = new Intl.NumberFormat(numberLocale[language], { maximumFractionDigits: 2 });
  const figure = (value: number | null) =>
    value === null
      ? "—"
      : view.unit === "%"
        ? `${numbers.format(value)} %`
        : `${numbers.format(value)} ${view.unit}`;
  const palette = targetPalettes[view.status];
  return (
    <div className="target-card" data-testid={`${testId}-${view.id}`} data-status={view.status}>
      <div className="target-card-head">
        <span className="target-card-title">
          <span
            className="status-tag"
            data-target-status={view.status}
            style={{
              color: palette.text,
              background: palette.background,
              borderColor: palette.border,
            }}
          >
            {icon ?? <span className="target-status-icon" aria-hidden />}
            <span>{t(`targets.status.${view.status}`)}</span>
          </span>
          <span>{view.name}</span>
        </span>
      </div>
      <div className="target-card-body">
        <p className="target-meta">
          {view.unitName} · {t("targets.deadline")} {view.deadlineYear} ·{" "}
          {t("targets.yearOfData", { year: view.year })}
        </p>
        {view.share && (
          <p className="target-share" data-testid={`${testId}-share`}>
            {t("targets.share", {
              unit: view.share.unitName,
              communes: view.share.communes,
              behind: view.share.behind,
            })}
          </p>
        )}
        <dl className="target-figures">
          <div>
            <dt>{t("targets.actual")}</dt>
            <dd data-testid={`${testId}-actual`}>{figure(view.actual)}</dd>
          </div>
          <div>
            <dt>{t("targets.target")}</dt>
            <dd>{figure(view.target)}</dd>
          </div>
          {view.milestone && view.milestone.year < view.deadlineYear && (
            <div data-testid={`${testId}-milestone`}>
              <dt>{t("targets.milestone", { year: view.milestone.year })}</dt>
              <dd>{figure(view.milestone.value)}</dd>
            </div>
          )}
          <div>
            <dt>{t("targets.gap")}</dt>
            <dd>{figure(view.gap)}</dd>
          </div>
        </dl>
        {links}
        <p className="target-rule">
          <strong>{t("targets.rule")}:</strong> {view.rule}
        </p>
        {view.source && (
          <p className="target-meta">
            {t("targets.source")}: {view.source}
          </p>
        )}
        {children}
      </div>
    </div>
  );
}
