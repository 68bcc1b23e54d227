import type { TargetsDashboardResponse } from "@ntm/contracts";
import { Table } from "antd";
import { Link } from "react-router";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { communesLink } from "../communes/index.ts";

/** Communes by level in each year with results (each count opens its communes), and the average. */
export function LevelsByYear({ data }: { data: TargetsDashboardResponse }) {
  const { t, language } = useI18n();
  const levels = data.byYear[0]?.byLevel.map((entry) => entry.level) ?? [];
  return (
    <section className="section">
      <h2>{t("targets.byYear")}</h2>
      <Table
        size="small"
        pagination={false}
        rowKey="year"
        scroll={{ x: true }}
        data-testid="levels-by-year"
        dataSource={data.byYear}
        columns={[
          { title: t("targets.year"), dataIndex: "year" },
          ...levels.map((level) => ({
            title: t(`level.${level}`),
            key: level,
            render: (_: unknown, row: TargetsDashboardResponse["byYear"][number]) => (
              <Link
                to={communesLink(data.unit.code, row.year, { level })}
                data-testid={`levels-${row.year}-${level}`}
              >
                {formatNumber(
                  row.byLevel.find((entry) => entry.level === level)?.count ?? 0,
                  language,
                )}
              </Link>
            ),
          })),
          {
            title: t("targets.average"),
            key: "average",
            render: (_: unknown, row: TargetsDashboardResponse["byYear"][number]) =>
              row.average === null ? "—" : formatNumber(row.average, language),
          },
        ]}
      />
    </section>
  );
}
