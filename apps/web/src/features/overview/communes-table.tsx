import type { SummaryResponse, SummaryUnitRow } from "@ntm/contracts";
import { matchesSearch } from "@ntm/domain";
import { CloseOutlined, UnorderedListOutlined } from "@ant-design/icons";
import { Button, Input, Table, Tag, type TableColumnsType, type TableProps } from "antd";
import type { SortOrder } from "antd/es/table/interface";
import { useId, useMemo } from "react";
import { Link } from "react-router";
import { LevelTag } from "../../components/level-tag.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { communesLink } from "../communes/index.ts";
import { CommuneLink } from "./commune-link.tsx";
import { showsDistricts } from "./district-column.ts";
import { levelRank } from "./level-order.ts";
import type { OverviewUrlState } from "./overview-url.ts";

interface CommunesTableProps {
  summary: SummaryResponse;
  view: OverviewUrlState;
  onChange: (patch: Partial<OverviewUrlState>, options?: { replace?: boolean }) => void;
}

const collator = new Intl.Collator("vi");
type SortKey = OverviewUrlState["sort"];

/** All communes: searchable without diacritics, sortable, each linking to its scorecard. */
export function CommunesTable({ summary, view, onChange }: CommunesTableProps) {
  const { t } = useI18n();
  const searchId = useId();
  const { q: search, criteria: criteriaFilter } = view;
  const rows = useMemo(
    () =>
      summary.units.filter(
        (unit) =>
          (criteriaFilter === null || unit.criteriaMet === criteriaFilter) &&
          (!search.trim() || matchesSearch(`${unit.name} ${unit.parentName ?? ""}`, search)),
      ),
    [summary.units, criteriaFilter, search],
  );
  const orderOf = (key: SortKey): SortOrder =>
    view.sort === key ? (view.order === "asc" ? "ascend" : "descend") : null;

  const columns: TableColumnsType<SummaryUnitRow> = [
    {
      key: "name",
      title: t("overview.colCommune"),
      dataIndex: "name",
      sorter: (a, b) => collator.compare(a.name, b.name),
      sortOrder: orderOf("name"),
      render: (_, row) => <CommuneLink code={row.code} name={row.name} />,
    },
    ...(showsDistricts(summary)
      ? [
          {
            key: "parent",
            title: t("overview.colDistrict"),
            dataIndex: "parentName",
            sorter: (a: SummaryUnitRow, b: SummaryUnitRow) =>
              collator.compare(a.parentName ?? "", b.parentName ?? ""),
            sortOrder: orderOf("parent"),
            render: (value: string | null) => value ?? "—",
          },
        ]
      : []),
    {
      key: "criteria",
      title: t("overview.colCriteria"),
      dataIndex: "criteriaMet",
      align: "right",
      sorter: (a, b) => a.criteriaMet - b.criteriaMet,
      sortOrder: orderOf("criteria"),
      render: (_, row) => `${row.criteriaMet}/${row.criteriaTotal}`,
    },
    {
      key: "level",
      title: t("overview.colLevel"),
      dataIndex: "level",
      sorter: (a, b) => levelRank(a.level) - levelRank(b.level),
      sortOrder: orderOf("level"),
      render: (_, row) => <LevelTag level={row.level} />,
    },
  ];
  const onTableChange: TableProps<SummaryUnitRow>["onChange"] = (_page, _filters, sort, extra) => {
    if (extra.action !== "sort") return;
    const one = Array.isArray(sort) ? sort[0] : sort;
    if (!one?.order) {
      onChange({ sort: "name", order: "asc" });
      return;
    }
    onChange({ sort: one.columnKey as SortKey, order: one.order === "descend" ? "desc" : "asc" });
  };

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
            onChange={(event) => onChange({ q: event.target.value }, { replace: true })}
            placeholder={t("overview.searchPlaceholder")}
            data-testid="communes-search"
          />
        </div>
      </div>
      {criteriaFilter !== null && (
        <div className="filter-row" data-testid="criteria-filter">
          <Tag color="blue">{t("overview.filteredBy", { n: criteriaFilter })}</Tag>
          <Button
            size="small"
            icon={<CloseOutlined aria-hidden />}
            onClick={() => onChange({ criteria: null })}
          >
            {t("overview.clearFilter")}
          </Button>
          <Link
            to={communesLink(summary.unit.code, summary.year, { criteriaMet: criteriaFilter })}
            data-testid="criteria-filter-open"
          >
            <UnorderedListOutlined aria-hidden /> {t("lists.open")}
          </Link>
        </div>
      )}
      <Table<SummaryUnitRow>
        rowKey="code"
        size="small"
        columns={columns}
        dataSource={rows}
        onChange={onTableChange}
        pagination={{ pageSize: 20, showSizeChanger: true, pageSizeOptions: [20, 50, 100] }}
        scroll={{ x: 520 }}
        locale={{ emptyText: t("overview.noCommunes") }}
        data-testid="communes-table"
      />
    </section>
  );
}
