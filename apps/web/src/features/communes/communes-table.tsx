import type { CommuneListResponse, CommuneListRow } from "@ntm/contracts";
import { Table, type TableColumnsType, type TableProps } from "antd";
import type { SortOrder } from "antd/es/table/interface";
import { Link } from "react-router";
import { LevelTag } from "../../components/level-tag.tsx";
import { StatusTag } from "../../components/status-tag.tsx";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import type { CommunesUrlState, SortKey } from "./communes-url.ts";
import { compareRows } from "./sort-rows.ts";

interface CommunesTableProps {
  list: CommuneListResponse;
  rows: CommuneListRow[];
  state: CommunesUrlState;
  selected: string[];
  onSelect: (codes: string[]) => void;
  onChange: (patch: Partial<CommunesUrlState>) => void;
  loading: boolean;
}

const orderOf = (state: CommunesUrlState, key: SortKey): SortOrder =>
  state.sort === key ? (state.order === "asc" ? "ascend" : "descend") : null;

/** The communes with selection; sort and page come from the URL and go back to it. */
export function CommunesTable(props: CommunesTableProps) {
  const { list, rows, state } = props;
  const { t } = useI18n();
  const sorter = (key: SortKey) => (a: CommuneListRow, b: CommuneListRow) =>
    compareRows(key, a, b, list.levels);
  const columns: TableColumnsType<CommuneListRow> = [
    {
      key: "name",
      title: t("lists.colCommune"),
      sorter: sorter("name"),
      sortOrder: orderOf(state, "name"),
      render: (_, row) => (
        <>
          <Link to={`/units/${encodeURIComponent(row.code)}`} data-testid={`commune-${row.code}`}>
            {row.name}
          </Link>
          {row.parentName && <div className="communes-parent-inline">{row.parentName}</div>}
        </>
      ),
    },
    {
      key: "parent",
      // On a phone the parent unit goes under the commune's name, so the figures stay in view.
      responsive: ["md"],
      title: t("lists.colParent"),
      sorter: sorter("parent"),
      sortOrder: orderOf(state, "parent"),
      render: (_, row) => row.parentName ?? "—",
    },
    {
      key: "criteria",
      title: t("lists.colCriteria"),
      align: "right",
      sorter: sorter("criteria"),
      sortOrder: orderOf(state, "criteria"),
      render: (_, row) =>
        row.criteriaMet === null ? (
          <StatusTag status="missing" />
        ) : (
          `${row.criteriaMet}/${row.criteriaTotal ?? "—"}`
        ),
    },
    {
      key: "level",
      title: t("lists.colLevel"),
      sorter: sorter("level"),
      sortOrder: orderOf(state, "level"),
      render: (_, row) =>
        row.criteriaMet === null ? t("lists.noData") : <LevelTag level={row.level} />,
    },
    ...(list.criterion
      ? [
          {
            key: "status",
            title: t("lists.colCriterion", { code: list.criterion.code }),
            sorter: sorter("status"),
            sortOrder: orderOf(state, "status"),
            render: (_: unknown, row: CommuneListRow) =>
              row.criterionStatus ? <StatusTag status={row.criterionStatus} /> : "—",
          },
        ]
      : []),
  ];
  const onChange: TableProps<CommuneListRow>["onChange"] = (pagination, _filters, sort, extra) => {
    if (extra.action === "paginate") {
      props.onChange({ page: pagination.current ?? 1, size: pagination.pageSize ?? state.size });
      return;
    }
    if (extra.action === "sort") {
      const one = Array.isArray(sort) ? sort[0] : sort;
      const key = (one?.order ? one.columnKey : "name") as SortKey;
      props.onChange({ sort: key, order: one?.order === "descend" ? "desc" : "asc", page: 1 });
    }
  };
  return (
    <Table<CommuneListRow>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={rows}
      loading={props.loading}
      onChange={onChange}
      rowSelection={{
        selectedRowKeys: props.selected,
        preserveSelectedRowKeys: true,
        onChange: (keys) => props.onSelect(keys.map(String)),
        getCheckboxProps: (row) => ({ "aria-label": t("lists.selectRow", { name: row.name }) }),
      }}
      pagination={{
        current: state.page,
        pageSize: state.size,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        hideOnSinglePage: rows.length <= 20,
      }}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: t("lists.empty") }}
      data-testid="communes-list-table"
    />
  );
}
