import { BellOutlined, FileExcelOutlined } from "@ant-design/icons";
import type { ReportSubmissionDto } from "@ntm/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Drawer,
  Grid,
  Input,
  List,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDate } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useUrlState } from "../../lib/use-url-state.ts";
import { ReportDetail } from "./report-detail.tsx";
import {
  filterReports,
  reportFilterFields,
  sortOrderOf,
  sortWordOf,
  statusFilters,
  type ReportFilters,
  type ReportSortColumn,
  type StatusFilter,
} from "./report-filters.ts";
import {
  fetchReminders,
  fetchReports,
  fetchTypes,
  remindReports,
  reportKeys,
  selectedExportUrl,
} from "./reports-api.ts";
import { TimelinessTag } from "./timeliness-tag.tsx";

function Filters({
  rows,
  filters,
  update,
}: {
  rows: ReportSubmissionDto[];
  filters: ReportFilters;
  update: (patch: Partial<ReportFilters>, options?: { replace?: boolean }) => void;
}) {
  const { t } = useI18n();
  const types = useQuery({
    queryKey: reportKeys.types(),
    queryFn: ({ signal }) => fetchTypes(signal),
  });
  const all = t("reports.filter.all");
  const years = [...new Set(rows.map((row) => Number(row.periodKey.slice(0, 4))))]
    .filter((year) => Number.isInteger(year))
    .sort((a, b) => b - a);
  const periods = [
    ...new Map(
      rows
        .filter((row) => filters.type === null || row.typeId === filters.type)
        .filter((row) => filters.year === null || row.periodKey.startsWith(`${filters.year}-`))
        .map((row) => [row.periodKey, row.periodLabel]),
    ).entries(),
  ].sort((a, b) => b[0].localeCompare(a[0]));
  const typeIds = new Set(rows.map((row) => row.typeId));
  return (
    <Space wrap className="reports-filters" data-testid="reports-filters">
      <Input
        allowClear
        aria-label={t("reports.filter.search")}
        placeholder={t("reports.filter.search")}
        className="reports-filter-search"
        data-testid="reports-search"
        value={filters.q}
        onChange={(event) => update({ q: event.target.value, page: 1 }, { replace: true })}
      />
      <Select
        aria-label={t("reports.type")}
        className="reports-filter-type"
        value={filters.type ?? 0}
        onChange={(value) => update({ type: value || null, period: "", page: 1 })}
        options={[
          { value: 0, label: `${t("reports.type")}: ${all}` },
          ...(types.data ?? [])
            .filter((type) => typeIds.has(type.id))
            .map((type) => ({ value: type.id, label: type.name })),
        ]}
      />
      <Select
        aria-label={t("reports.year")}
        value={filters.year ?? 0}
        onChange={(value) => update({ year: value || null, period: "", page: 1 })}
        options={[
          { value: 0, label: `${t("reports.year")}: ${all}` },
          ...years.map((year) => ({ value: year, label: String(year) })),
        ]}
      />
      <Select
        aria-label={t("reports.period")}
        value={filters.period}
        onChange={(value) => update({ period: value, page: 1 })}
        options={[
          { value: "", label: `${t("reports.period")}: ${all}` },
          ...periods.map(([key, label]) => ({ value: key, label })),
        ]}
      />
      <Select
        aria-label={t("reports.status")}
        data-testid="reports-filter-status"
        value={filters.status ?? ""}
        onChange={(value: StatusFilter | "") => update({ status: value || null, page: 1 })}
        options={[
          { value: "", label: `${t("reports.status")}: ${all}` },
          ...statusFilters.map((status) => ({
            value: status,
            label: t(`reports.filter.${status}`),
          })),
        ]}
      />
    </Space>
  );
}

/** "Nhắc nộp" and "Xuất Excel" on the chosen rows. */
function BulkActions({
  selected,
  onDone,
}: {
  selected: ReportSubmissionDto[];
  onDone: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const remindable = selected.filter((row) => row.canRemind);
  const remind = useMutation({
    mutationFn: () => remindReports(remindable.map((row) => row.id)),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: reportKeys.all });
      void message.success(
        t("reports.remind.done", {
          count: result.reminded.length,
          mails: result.reminded.reduce((sum, row) => sum + row.mails, 0),
        }),
      );
      if (result.alreadyToday.length > 0) {
        void message.info(t("reports.remind.already", { count: result.alreadyToday.length }));
      }
      onDone();
    },
  });
  return (
    <div className="reports-bulk" data-testid="reports-bulk" role="region" aria-live="polite">
      <Space wrap>
        <Typography.Text strong>
          {t("reports.bulk.selected", { count: selected.length })}
        </Typography.Text>
        {selected.some((row) => row.canRemind) && (
          <Button
            type="primary"
            icon={<BellOutlined aria-hidden />}
            loading={remind.isPending}
            onClick={() => remind.mutate()}
            data-testid="reports-remind"
          >
            {t("reports.bulk.remind", { count: remindable.length })}
          </Button>
        )}
        <Button
          icon={<FileExcelOutlined aria-hidden />}
          href={selectedExportUrl(selected.map((row) => row.id))}
          data-testid="reports-export-selected"
        >
          {t("reports.bulk.export")}
        </Button>
        <Button type="link" onClick={onDone}>
          {t("reports.bulk.clear")}
        </Button>
      </Space>
      {remindable.length < selected.length && selected.some((row) => row.canRemind) && (
        <Typography.Text type="secondary" className="reports-bulk-note">
          {t("reports.bulk.skipped", { count: selected.length - remindable.length })}
        </Typography.Text>
      )}
      {remind.isError && <Alert type="error" showIcon message={errorMessage(remind.error)} />}
    </div>
  );
}

export function ReportsPanel() {
  const { t } = useI18n();
  const screens = Grid.useBreakpoint();
  const [filters, update] = useUrlState(reportFilterFields);
  const [selectedIds, setSelectedIds] = useState<number[]>([]);
  const list = useQuery({
    queryKey: reportKeys.list(),
    queryFn: ({ signal }) => fetchReports(signal),
  });
  const reminders = useQuery({
    queryKey: reportKeys.reminders(),
    queryFn: ({ signal }) => fetchReminders(signal),
  });
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const rows = filterReports(list.data, filters);
  // A choice stays made while the officer searches for the next unit, as in a mail inbox.
  const selected = list.data.filter((row) => selectedIds.includes(row.id));
  const opened = filters.report === null ? null : list.data.find((r) => r.id === filters.report);
  const phone = !screens.md;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      {reminders.data && reminders.data.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="report-reminders"
          message={t("reports.reminders")}
          description={
            <List
              size="small"
              dataSource={reminders.data.slice(0, 5)}
              renderItem={(item) => <List.Item>{item.message}</List.Item>}
            />
          }
        />
      )}
      <Filters rows={list.data} filters={filters} update={update} />
      {selected.length > 0 && <BulkActions selected={selected} onDone={() => setSelectedIds([])} />}
      {/* The page scrolls the table sideways, not the library: its hidden measuring row would
          copy the "select all" box out of reach of the keyboard. */}
      <div data-scroll-region className="reports-table-scroll">
        <Table
          size="small"
          rowKey="id"
          data-testid="reports-table"
          pagination={{
            pageSize: 12,
            hideOnSinglePage: true,
            current: Math.min(filters.page, Math.max(1, Math.ceil(rows.length / 12))),
            showSizeChanger: false,
          }}
          onChange={(pagination, _filters, sorter, extra) => {
            if (extra.action === "paginate") update({ page: pagination.current ?? 1 });
            if (extra.action === "sort" && !Array.isArray(sorter)) {
              const column = sorter.columnKey as ReportSortColumn;
              update({ sort: sortWordOf(column, sorter.order), page: 1 });
            }
          }}
          dataSource={rows}
          locale={{ emptyText: t("reports.empty") }}
          rowSelection={{
            selectedRowKeys: selected.map((row) => row.id),
            preserveSelectedRowKeys: true,
            onChange: (keys) => setSelectedIds(keys.map(Number)),
            columnWidth: 48,
            getCheckboxProps: (row) => ({
              "aria-label": t("reports.bulk.choose", {
                unit: row.unitName,
                period: row.periodLabel,
              }),
            }),
          }}
          columns={[
            {
              key: "period",
              title: t("reports.period"),
              dataIndex: "periodLabel",
              sorter: true,
              sortOrder: sortOrderOf(filters.sort, "period"),
            },
            { title: t("reports.type"), dataIndex: "typeName", responsive: ["md"] },
            {
              key: "unit",
              title: t("reports.unit"),
              dataIndex: "unitName",
              sorter: true,
              sortOrder: sortOrderOf(filters.sort, "unit"),
            },
            {
              key: "due",
              title: t("reports.due"),
              render: (_, row) => formatDate(row.dueDate),
              sorter: true,
              sortOrder: sortOrderOf(filters.sort, "due"),
            },
            {
              title: t("reports.status"),
              render: (_, row) => (
                <Space size={4} wrap>
                  <Tag>{t(`reports.state.${row.state}`)}</Tag>
                  <TimelinessTag value={row.timeliness} title={row.timelinessReason} />
                  {row.remindedOn && row.state !== "submitted" && (
                    <Tag icon={<BellOutlined aria-hidden />} data-testid="report-reminded">
                      {t("reports.remindedOn", { date: formatDate(row.remindedOn) })}
                    </Tag>
                  )}
                </Space>
              ),
            },
            {
              title: <span className="visually-hidden">{t("reports.open")}</span>,
              render: (_, row) =>
                row.canRead ? (
                  <Button
                    size="small"
                    onClick={() => update({ report: row.id })}
                    data-testid={`report-open-${row.periodKey}-${row.unitCode}`}
                  >
                    {t("reports.open")}
                  </Button>
                ) : (
                  <Typography.Text type="secondary" title={t("reports.notReadable")}>
                    –
                  </Typography.Text>
                ),
            },
          ]}
        />
      </div>
      <Drawer
        open={filters.report !== null}
        onClose={() => update({ report: null })}
        size={phone ? "100%" : 720}
        destroyOnHidden
        title={opened?.unitName ?? t("reports.nav")}
        rootClassName="report-drawer"
      >
        {filters.report !== null && <ReportDetail key={filters.report} id={filters.report} />}
      </Drawer>
    </Space>
  );
}
