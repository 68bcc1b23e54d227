import type { SummaryUnitRow } from "@ntm/contracts";
import { matchesSearch } from "@ntm/domain";
import { CloseOutlined } from "@ant-design/icons";
import { Button, Input, Table, Tag, type TableColumnsType } from "antd";
import { useId, useMemo, useState } from "react";
import { LevelTag } from "../../components/level-tag.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { CommuneLink } from "./commune-link.tsx";
import { levelRank } from "./level-order.ts";

interface CommunesTableProps {
  units: SummaryUnitRow[];
  criteriaFilter: number | null;
  onClearFilter: () => void;
}

const collator = new Intl.Collator("vi");

/** All communes: searchable without diacritics, sortable, each linking to its scorecard. */
export function CommunesTable({ units, criteriaFilter, onClearFilter }: CommunesTableProps) {
  const { t } = useI18n();
  const [search, setSearch] = useState("");
  const searchId = useId();
  const rows = useMemo(
    () =>
      units.filter(
        (unit) =>
          (criteriaFilter === null || unit.criteriaMet === criteriaFilter) &&
          (!search.trim() || matchesSearch(`${unit.name} ${unit.parentName ?? ""}`, search)),
      ),
    [units, criteriaFilter, search],
  );

  const columns: TableColumnsType<SummaryUnitRow> = [
    {
      title: t("overview.colCommune"),
      dataIndex: "name",
      sorter: (a, b) => collator.compare(a.name, b.name),
      render: (_, row) => <CommuneLink code={row.code} name={row.name} />,
    },
    {
      title: t("overview.colDistrict"),
      dataIndex: "parentName",
      sorter: (a, b) => collator.compare(a.parentName ?? "", b.parentName ?? ""),
      render: (value) => value ?? "—",
    },
    {
      title: t("overview.colCriteria"),
      dataIndex: "criteriaMet",
      align: "right",
      defaultSortOrder: "descend",
      sorter: (a, b) => a.criteriaMet - b.criteriaMet,
      render: (_, row) => `${row.criteriaMet}/${row.criteriaTotal}`,
    },
    {
      title: t("overview.colLevel"),
      dataIndex: "level",
      sorter: (a, b) => levelRank(a.level) - levelRank(b.level),
      render: (_, row) => <LevelTag level={row.level} />,
    },
  ];

  return (
    <section className="card-section" aria-labelledby="communes-title">
      <div className="section-head">
        <h2 id="communes-title" className="section-title">
          {t("overview.allCommunes")}
          <span className="section-count">{t("overview.count", { count: rows.length })}</span>
        </h2>
        <div className="inline-field inline-field-grow">
          <label htmlFor={searchId}>{t("overview.searchCommune")}</label>
          <Input
            id={searchId}
            allowClear
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder={t("overview.searchPlaceholder")}
            data-testid="communes-search"
          />
        </div>
      </div>
      {criteriaFilter !== null && (
        <div className="filter-row" data-testid="criteria-filter">
          <Tag color="blue">{t("overview.filteredBy", { n: criteriaFilter })}</Tag>
          <Button size="small" icon={<CloseOutlined aria-hidden />} onClick={onClearFilter}>
            {t("overview.clearFilter")}
          </Button>
        </div>
      )}
      <Table<SummaryUnitRow>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
        scroll={{ x: 520 }}
        locale={{ emptyText: t("overview.noCommunes") }}
        data-testid="communes-table"
      />
    </section>
  );
}
