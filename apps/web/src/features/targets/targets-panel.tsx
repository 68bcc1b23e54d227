import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import type { TargetDto, TargetWithProgress } from "@ntm/contracts";
import { Button, Collapse, Empty } from "antd";
import { useState } from "react";
import { Link } from "react-router";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/index.ts";
import { setsTargets } from "./dashboard-links.ts";
import { TargetEditor } from "./target-editor.tsx";
import { TargetCard, targetViewOf } from "./target-card.tsx";
import { TargetListLinks } from "./target-list-links.tsx";
import { targetStatusIcon } from "./target-status-icon.tsx";

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
  const addButton = canWrite && setsTargets(unit.level) && (
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
        {all.map((item) => {
          const { target, progress, share } = item;
          return (
            <TargetCard
              key={target.id}
              view={targetViewOf(item)}
              testId="target"
              icon={targetStatusIcon(progress.status)}
              links={!share && <TargetListLinks item={item} />}
            >
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
                              {row.parentName ? ` (${row.parentName})` : ""}:{" "}
                              {row.criteriaMet ?? "—"} {t("targets.criteriaMet").toLowerCase()},{" "}
                              {row.required}
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
            </TargetCard>
          );
        })}
      </div>
    </>
  );
}
