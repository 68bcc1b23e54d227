import type { SummaryResponse, SummaryUnitRow } from "@ntm/contracts";
import { UnorderedListOutlined } from "@ant-design/icons";
import { InputNumber, Table, type TableColumnsType } from "antd";
import { useId } from "react";
import { Link } from "react-router";
import { LevelTag } from "../../components/level-tag.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { communesLink } from "../communes/index.ts";
import { CommuneLink } from "./commune-link.tsx";
import { showsDistricts } from "./district-column.ts";

interface BelowTableProps {
  summary: SummaryResponse;
  threshold: number;
  onThresholdChange: (value: number) => void;
  loading: boolean;
}

/** The lagging list: communes below N criteria, N chosen by the user. */
export function BelowTable({ summary, threshold, onThresholdChange, loading }: BelowTableProps) {
  const { t } = useI18n();
  const inputId = useId();
  const total = Math.max(summary.byCriteriaMet.length - 1, 1);
  const columns: TableColumnsType<SummaryUnitRow> = [
    {
      title: t("overview.colCommune"),
      dataIndex: "name",
      render: (_, row) => <CommuneLink code={row.code} name={row.name} />,
    },
    ...(showsDistricts(summary)
      ? [
          {
            title: t("overview.colDistrict"),
            dataIndex: "parentName",
            render: (value: string | null) => value ?? "—",
          },
        ]
      : []),
    {
      title: t("overview.colCriteria"),
      dataIndex: "criteriaMet",
      align: "right",
      render: (_, row) => `${row.criteriaMet}/${row.criteriaTotal}`,
    },
    {
      title: t("overview.colLevel"),
      dataIndex: "level",
      render: (_, row) => <LevelTag level={row.level} />,
    },
  ];

  return (
    <section className="card-section" aria-labelledby="below-title">
      <div className="section-head">
        <h2 id="below-title" className="section-title">
          {t("overview.belowTitle", { n: summary.below.threshold })}
          <span className="section-count">
            {t("overview.count", { count: summary.below.units.length })}
          </span>
        </h2>
        <div className="inline-field">
          <label htmlFor={inputId}>{t("overview.belowThreshold")}</label>
          <InputNumber
            id={inputId}
            min={1}
            max={total}
            precision={0}
            value={threshold}
            onChange={(value) => {
              if (typeof value === "number") onThresholdChange(value);
            }}
            style={{ width: 80 }}
            data-testid="below-threshold"
          />
        </div>
        {summary.below.units.length > 0 && (
          <Link
            to={communesLink(summary.unit.code, summary.year, { below: summary.below.threshold })}
            data-testid="below-open"
          >
            <UnorderedListOutlined aria-hidden /> {t("lists.open")}
          </Link>
        )}
      </div>
      <Table<SummaryUnitRow>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={summary.below.units}
        loading={loading}
        pagination={
          summary.below.units.length > 10 ? { pageSize: 10, showSizeChanger: false } : false
        }
        scroll={{ x: 520 }}
        locale={{ emptyText: t("overview.belowNone", { n: summary.below.threshold }) }}
        data-testid="below-table"
      />
    </section>
  );
}
