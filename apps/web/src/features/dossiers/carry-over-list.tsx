import type { WatchResponse } from "@ntm/contracts";
import { Card, Table, Tag } from "antd";
import { Link } from "react-router";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";

const colours = {
  in_force: "green",
  kept: "blue",
  awaiting_reassessment: "gold",
  reassessed: "green",
  lapsed: "red",
} as const;

/**
 * The recognitions of 2021–2025 in a year of the 2026–2030 set, each with where the province's
 * carry-over rule leaves it and why; nothing before the new set is in force.
 */
export function CarryOverList({ watch }: { watch: WatchResponse }) {
  const { t } = useI18n();
  const rows = watch.communes.filter((row) => row.carryOver && row.carryOver.status !== "in_force");
  if (rows.length === 0) return null;
  return (
    <Card
      title={t("dossiers.carryOver.title")}
      extra={<Link to="/catalog">{t("dossiers.carryOver.rule")}</Link>}
      style={{ marginTop: 12 }}
    >
      <Table
        size="small"
        rowKey="unitCode"
        pagination={false}
        scroll={{ x: 720 }}
        data-testid="watch-carry-over"
        dataSource={rows}
        columns={[
          {
            title: t("dossiers.unit"),
            render: (_, row) => <Link to={`/units/${row.unitCode}`}>{row.unitName}</Link>,
          },
          {
            title: t("dossiers.recognisedLevel"),
            render: (_, row) =>
              `${t(`dossiers.level.${row.recognisedLevel as "standard"}`)} (${row.decisionNumber})`,
          },
          {
            title: "",
            render: (_, row) =>
              row.carryOver ? (
                <Tag
                  color={colours[row.carryOver.status]}
                  data-testid={`carry-over-${row.unitCode}`}
                >
                  {t(`dossiers.carryOver.status.${row.carryOver.status}`)}
                </Tag>
              ) : null,
          },
          { title: "", render: (_, row) => row.carryOver?.reason },
        ]}
      />
    </Card>
  );
}
