import type { TargetWithProgress } from "@ntm/contracts";
import { Card, Collapse, Empty, Typography } from "antd";
import { Link } from "react-router";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { TargetListLinks } from "./target-list-links.tsx";
import { TargetStatusTag } from "./target-status-tag.tsx";

function figure(value: number | null, unit: string, language: "vi" | "en") {
  if (value === null) return "—";
  return unit === "%"
    ? `${formatNumber(value, language)} %`
    : `${formatNumber(value, language)} ${unit}`;
}

/** Each target: status with its rule, actual, target and gap, and the communes behind it. */
export function TargetsPanel({ targets }: { targets: TargetWithProgress[] }) {
  const { t, language } = useI18n();
  if (targets.length === 0) return <Empty description={t("targets.none")} />;
  return (
    <div className="targets-grid" data-testid="targets-panel">
      {targets.map(({ target, progress }) => (
        <Card
          key={target.id}
          size="small"
          className="target-card"
          data-testid={`target-${target.id}`}
          data-status={progress.status}
          title={
            <span className="target-card-title">
              <TargetStatusTag status={progress.status} />
              <span>{target.name}</span>
            </span>
          }
        >
          <p className="target-meta">
            {target.unitName} · {t("targets.deadline")} {target.deadlineYear} ·{" "}
            {t("targets.yearOfData", { year: progress.year })}
          </p>
          <dl className="target-figures">
            <div>
              <dt>{t("targets.actual")}</dt>
              <dd data-testid="target-actual">
                {figure(progress.actual, progress.unit, language)}
              </dd>
            </div>
            <div>
              <dt>{t("targets.target")}</dt>
              <dd>{figure(progress.target, progress.unit, language)}</dd>
            </div>
            <div>
              <dt>{t("targets.gap")}</dt>
              <dd>{figure(progress.gap, progress.unit, language)}</dd>
            </div>
          </dl>
          <TargetListLinks item={{ target, progress }} />
          <Typography.Paragraph className="target-rule">
            <strong>{t("targets.rule")}:</strong> {progress.rule}
          </Typography.Paragraph>
          {target.source && (
            <p className="target-meta">
              {t("targets.source")}: {target.source}
            </p>
          )}
          {progress.behind.length > 0 && (
            <Collapse
              size="small"
              items={[
                {
                  key: "behind",
                  label: t("targets.behind", { count: progress.behind.length }),
                  children: (
                    <ul className="behind-list">
                      {progress.behind.slice(0, 30).map((row) => (
                        <li key={row.code}>
                          <Link to={`/units/${encodeURIComponent(row.code)}`}>{row.name}</Link>
                          {row.parentName ? ` (${row.parentName})` : ""}: {row.criteriaMet ?? "—"}{" "}
                          {t("targets.criteriaMet").toLowerCase()}, {row.required}
                          {row.missing.length > 0 &&
                            ` — ${t("targets.behindMissing", { list: row.missing.join(", ") })}`}
                          {row.onPace ? ` · ${t("targets.onPace")}` : ""}
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          )}
        </Card>
      ))}
    </div>
  );
}
