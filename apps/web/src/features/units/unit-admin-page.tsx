import type { UnitAdminRow } from "@ntm/contracts";
import { matchesSearch } from "@ntm/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Input, Space, Table, Tag, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { usePhone } from "../../app/use-phone.ts";
import { ErrorState } from "../../components/error-state.tsx";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/index.ts";
import { adminUnitsQueryKey, fetchAdminUnits } from "./unit-admin-api.ts";
import { UnitEditDrawer } from "./unit-edit-drawer.tsx";
import { UnitFlagTags } from "./unit-flag-tags.tsx";
import { UnitHistoryDrawer } from "./unit-history-drawer.tsx";

/**
 * "Đơn vị hành chính": the units of the user's province with their type, flags, commune group and
 * region; its administrator changes them from a date, everyone else reads.
 */
export function UnitAdminPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const phone = usePhone();
  const [search, setSearch] = useState("");
  const [editing, setEditing] = useState<UnitAdminRow | null>(null);
  const [history, setHistory] = useState<UnitAdminRow | null>(null);
  const units = useQuery({
    queryKey: adminUnitsQueryKey,
    queryFn: ({ signal }) => fetchAdminUnits(signal),
  });

  if (units.isError) {
    return <ErrorState error={units.error} onRetry={() => void units.refetch()} />;
  }
  const all = units.data?.units ?? [];
  const text = search.trim();
  const rows = all.filter(
    (unit) => text === "" || matchesSearch(unit.name, text) || unit.code === text,
  );
  const editable = all.some((unit) => unit.can.edit);

  return (
    <div className="page" data-testid="unit-admin-page">
      <Typography.Title level={1} className="page-title">
        {t("unitAdmin.title")}
      </Typography.Title>
      <Typography.Paragraph className="page-meta">
        {t("unitAdmin.intro", { unit: me.data?.unitName ?? "" })}
      </Typography.Paragraph>
      {units.isSuccess && !editable && (
        <Alert type="info" showIcon title={t("unitAdmin.readOnly")} style={{ marginBottom: 12 }} />
      )}
      <Space wrap style={{ marginBottom: 12, width: "100%" }}>
        <Input.Search
          aria-label={t("unitAdmin.search")}
          placeholder={t("unitAdmin.searchPlaceholder")}
          allowClear
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          style={{ width: 380, maxWidth: "100%" }}
          data-testid="unit-admin-search"
        />
        <Typography.Text type="secondary">
          {t("unitAdmin.count", { count: rows.length })}
        </Typography.Text>
      </Space>
      <Table<UnitAdminRow>
        rowKey="code"
        loading={units.isPending}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={phone ? undefined : { x: 860 }}
        locale={{ emptyText: t("unitAdmin.empty") }}
        columns={(
          [
            {
              title: t("unitAdmin.colName"),
              key: "name",
              render: (_value, unit) => (
                <span data-testid={`unit-row-${unit.code}`}>
                  <strong>{unit.name}</strong>
                  <br />
                  <Typography.Text type="secondary">
                    {unit.code}
                    {unit.parentName ? ` · ${unit.parentName}` : ""}
                  </Typography.Text>
                  {phone && (
                    <>
                      <br />
                      <Typography.Text type="secondary">
                        {[
                          unit.kind ? t(`unitAdmin.kind.${unit.kind}`) : null,
                          unit.level === "commune" && unit.communeGroup
                            ? t("unitAdmin.group", { group: unit.communeGroup })
                            : null,
                          unit.region,
                        ]
                          .filter(Boolean)
                          .join(" · ")}
                      </Typography.Text>
                      <br />
                      <UnitFlagTags flags={unit.flags} />
                    </>
                  )}
                </span>
              ),
            },
            {
              title: t("unitAdmin.colKind"),
              key: "kind",
              render: (_value, unit) => (
                <Space size={[4, 4]} wrap>
                  <span>
                    {unit.kind
                      ? t(`unitAdmin.kind.${unit.kind}`)
                      : t(`unitAdmin.level.${unit.level}`)}
                  </span>
                  {unit.level === "commune" && !unit.assessed && (
                    <Tag>{t("unitAdmin.notAssessed")}</Tag>
                  )}
                </Space>
              ),
            },
            {
              title: t("unitAdmin.colFlags"),
              key: "flags",
              render: (_value, unit) => <UnitFlagTags flags={unit.flags} />,
            },
            {
              title: t("unitAdmin.colGroup"),
              key: "group",
              render: (_value, unit) =>
                unit.level !== "commune"
                  ? null
                  : unit.communeGroup
                    ? t("unitAdmin.group", { group: unit.communeGroup })
                    : t("unitAdmin.noGroup"),
            },
            {
              title: t("unitAdmin.colRegion"),
              key: "region",
              render: (_value, unit) =>
                (unit.regionCandidates?.length ?? 0) > 1 && !unit.region ? (
                  <Tag color="gold">{t("unitAdmin.chooseRegion")}</Tag>
                ) : (
                  unit.region
                ),
            },
            {
              title: t("unitAdmin.colFrom"),
              key: "from",
              render: (_value, unit) => formatDate(unit.validFrom),
            },
            {
              title: t("unitAdmin.colActions"),
              key: "actions",
              render: (_value, unit) => (
                <Space size={[4, 4]} wrap>
                  {unit.can.edit && (
                    <Button
                      size="small"
                      type="primary"
                      onClick={() => setEditing(unit)}
                      data-testid={`unit-edit-${unit.code}`}
                    >
                      {t("unitAdmin.edit")}
                    </Button>
                  )}
                  <Button
                    size="small"
                    onClick={() => setHistory(unit)}
                    data-testid={`unit-history-${unit.code}`}
                  >
                    {t("unitAdmin.history")}
                  </Button>
                </Space>
              ),
            },
          ] satisfies TableColumnsType<UnitAdminRow>
        ).filter((column) => !phone || column.key === "name" || column.key === "actions")}
      />
      <UnitEditDrawer unit={editing} onClose={() => setEditing(null)} />
      <UnitHistoryDrawer unit={history} onClose={() => setHistory(null)} />
    </div>
  );
}
