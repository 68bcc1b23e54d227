import type { UnitAdminRow, UnitChangeEntry, UnitState } from "@ntm/contracts";
import { useQuery } from "@tanstack/react-query";
import { List, Space, Typography } from "antd";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { fetchUnitHistory, unitHistoryQueryKey } from "./unit-admin-api.ts";
import { UnitDrawer } from "./unit-drawer.tsx";
import { UnitFlagTags, type UnitFlagCode } from "./unit-flag-tags.tsx";

/** The versions of a unit and the changes made to it in the app: who, when, before and after. */
export function UnitHistoryDrawer({
  unit,
  onClose,
}: {
  unit: UnitAdminRow | null;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <UnitDrawer
      unit={unit}
      onClose={onClose}
      width={560}
      title={(chosen) => t("unitAdmin.historyTitle", { name: chosen.name })}
      className="unit-history-drawer"
    >
      {(chosen) => <UnitHistory code={chosen.code} />}
    </UnitDrawer>
  );
}

function UnitHistory({ code }: { code: string }) {
  const { t } = useI18n();
  const history = useQuery({
    queryKey: unitHistoryQueryKey(code),
    queryFn: ({ signal }) => fetchUnitHistory(code, signal),
  });
  if (history.isError) {
    return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  }
  if (!history.data) return <PageLoading />;
  const { versions, changes } = history.data;
  return (
    <div data-testid="unit-history">
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        {t("unitAdmin.changes")}
      </Typography.Title>
      <List<UnitChangeEntry>
        dataSource={changes}
        locale={{ emptyText: t("unitAdmin.noChanges") }}
        renderItem={(entry) => (
          <List.Item data-testid="unit-change">
            <Space direction="vertical" size={2}>
              <Typography.Text strong>
                {t("unitAdmin.changeLine", {
                  user: entry.username,
                  at: formatDateTime(entry.at),
                  from: formatDate(entry.effectiveFrom),
                })}
              </Typography.Text>
              <Typography.Text>
                {t("unitAdmin.changeBasis", { basis: entry.basis })}
              </Typography.Text>
              <ChangeDiff before={entry.before} after={entry.after} />
              {entry.reevaluatedYears.length > 0 && (
                <Typography.Text type="secondary">
                  {t("unitAdmin.changeYears", { years: entry.reevaluatedYears.join(", ") })}
                </Typography.Text>
              )}
            </Space>
          </List.Item>
        )}
      />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        {t("unitAdmin.versions")}
      </Typography.Title>
      <List
        dataSource={[...versions].reverse()}
        renderItem={(version) => (
          <List.Item data-testid="unit-version">
            <Space direction="vertical" size={2}>
              <Typography.Text strong>
                {`${t("unitAdmin.versionFrom", { from: formatDate(version.validFrom) })} ${
                  version.validTo
                    ? t("unitAdmin.versionTo", { to: formatDate(version.validTo) })
                    : t("unitAdmin.versionOpen")
                }`}
              </Typography.Text>
              <Typography.Text>{version.name}</Typography.Text>
              <Space size={[4, 4]} wrap>
                <UnitFlagTags flags={version.flags} />
                {version.communeGroup && (
                  <Typography.Text type="secondary">
                    {t("unitAdmin.group", { group: version.communeGroup })}
                  </Typography.Text>
                )}
                {version.region && (
                  <Typography.Text type="secondary">
                    {`${t("unitAdmin.colRegion")} ${version.region}`}
                  </Typography.Text>
                )}
              </Space>
            </Space>
          </List.Item>
        )}
      />
    </div>
  );
}

/** Only the attributes the change altered, each as "before → after". */
function ChangeDiff({ before, after }: { before: UnitState; after: UnitState }) {
  const { t } = useI18n();
  const flagText = (flags: string[]) =>
    flags.length === 0
      ? t("unitAdmin.none")
      : flags.map((flag) => t(`unitAdmin.flagShort.${flag as UnitFlagCode}`)).join(", ");
  const group = (value: string | null) =>
    value ? t("unitAdmin.group", { group: value }) : t("unitAdmin.noGroup");
  const rows: [string, string, string][] = [];
  if (before.name !== after.name) rows.push([t("unitAdmin.fullName"), before.name, after.name]);
  if (before.flags.join() !== after.flags.join()) {
    rows.push([t("unitAdmin.colFlags"), flagText(before.flags), flagText(after.flags)]);
  }
  if (before.communeGroup !== after.communeGroup) {
    rows.push([t("unitAdmin.colGroup"), group(before.communeGroup), group(after.communeGroup)]);
  }
  if (before.region !== after.region) {
    rows.push([t("unitAdmin.colRegion"), before.region ?? "—", after.region ?? "—"]);
  }
  return (
    <ul className="unit-change-diff">
      {rows.map(([label, old, now]) => (
        <li key={label}>
          {label}: {old} → {now}
        </li>
      ))}
    </ul>
  );
}
