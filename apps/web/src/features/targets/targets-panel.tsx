import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import type { TargetDto, TargetWithProgress } from "@ntm/contracts";
import { Button, Card, Collapse, Empty, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/index.ts";
import { TargetEditor } from "./target-editor.tsx";
import { TargetListLinks } from "./target-list-links.tsx";
import { TargetStatusTag } from "./target-status-tag.tsx";

function figure(value: number | null, unit: string, language: "vi" | "en") {
  if (value === null) return "—";
  return unit === "%"
    ? `${formatNumber(value, language)} %`
    : `${formatNumber(value, language)} ${unit}`;
}

/**
 * Each target: status with its rule, actual, target, the milestone of the year and gap, and the
 * communes behind it; the targets of the units above with the viewed unit's share. Accounts the
 * policy lets set targets add and change them here.
 */
export function TargetsPanel({
  targets,
  fromAbove = [],
  unit,
  year,
}: {
  targets: TargetWithProgress[];
  fromAbove?: TargetWithProgress[];
  unit?: { code: string; name: string; level: string };
  year?: number;
}) {
  const { t, language } = useI18n();
  const me = useCurrentUser().data;
  const [editing, setEditing] = useState<{ target: TargetDto | null } | null>(null);
  const canWrite = Boolean(me?.permissions["target.write"]) && unit !== undefined;
  const addButton = canWrite && unit.level !== "commune" && unit.level !== "village" && (
    <Button
      icon={<PlusOutlined />}
      onClick={() => setEditing({ target: null })}
      data-testid="target-add"
    >
      {t("targets.editor.add")}
    </Button>
  );
  const editor = editing && unit && (
    <TargetEditor
      unit={unit}
      target={editing.target}
      year={year ?? new Date().getFullYear()}
      onClose={() => setEditing(null)}
    />
  );
  const all = [...targets, ...fromAbove];
  if (all.length === 0)
    return (
      <>
        {addButton}
        <Empty description={t("targets.none")} />
        {editor}
      </>
    );
  return (
    <>
      {addButton && <div className="targets-actions">{addButton}</div>}
      {editor}
      <div className="targets-grid" data-testid="targets-panel">
        {all.map(({ target, progress, share }) => (
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
            {share && (
              <p className="target-share" data-testid="target-share">
                {t("targets.share", {
                  unit: share.unitName,
                  communes: share.communes,
                  behind: share.behind.length,
                })}
              </p>
            )}
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
              {progress.milestone && progress.milestone.year < target.deadlineYear && (
                <div data-testid="target-milestone">
                  <dt>{t("targets.milestone", { year: progress.milestone.year })}</dt>
                  <dd>{figure(progress.milestone.value, progress.unit, language)}</dd>
                </div>
              )}
              <div>
                <dt>{t("targets.gap")}</dt>
                <dd>{figure(progress.gap, progress.unit, language)}</dd>
              </div>
            </dl>
            {!share && <TargetListLinks item={{ target, progress }} />}
            <Typography.Paragraph className="target-rule">
              <strong>{t("targets.rule")}:</strong> {progress.rule}
            </Typography.Paragraph>
            {target.source && (
              <p className="target-meta">
                {t("targets.source")}: {target.source}
              </p>
            )}
            {canWrite && !share && (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing({ target })}
                data-testid="target-edit"
              >
                {t("targets.editor.edit")}
              </Button>
            )}
            {progress.behind.length > 0 && (
              <Collapse
                size="small"
                items={[
                  {
                    key: "behind",
                    // Drawn while closed too, so that a printed page lists the communes.
                    forceRender: true,
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
                            {row.gained !== undefined && row.gained !== null
                              ? ` · ${t("targets.gained", { gained: formatNumber(row.gained, language) })}`
                              : ""}
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
    </>
  );
}
