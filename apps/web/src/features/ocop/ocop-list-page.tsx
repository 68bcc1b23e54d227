import { DownloadOutlined, PlusOutlined } from "@ant-design/icons";
import type { OcopProductDto } from "@ntm/contracts";
import { certificateStatusNames, ocopGroups } from "@ntm/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Drawer, Input, Select, Space, Table, Typography } from "antd";
import { useState } from "react";
import { Link, useNavigate } from "react-router";
import { DateField } from "../../components/date-field.tsx";
import { DemoTag } from "../../components/demo-tag.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDate, formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { urlField, useUrlState } from "../../lib/use-url-state.ts";
import { useCurrentUser } from "../auth/index.ts";
import { CertificateStatusTag, Stars } from "./certificate-status-tag.tsx";
import {
  fetchOcopCatalog,
  fetchOcopList,
  ocopExportHref,
  ocopKeys,
  registerOcopProduct,
  type OcopFilters,
} from "./ocop-api.ts";
import { useOcopImport } from "./ocop-import.tsx";
import { ProductForm } from "./product-form.tsx";
import "./ocop.css";

const statuses = Object.keys(certificateStatusNames) as (keyof typeof certificateStatusNames)[];
const fields = {
  unit: urlField.text(),
  group: urlField.oneOf(
    ocopGroups.map((group) => group.code),
    null,
  ),
  stars: urlField.optionalInteger(3, 5),
  commune: urlField.text(),
  expiring: urlField.optionalInteger(0, 3650),
  status: urlField.oneOf(statuses, null),
  q: urlField.text(),
  asOf: urlField.text(),
};

/** Today in Viet Nam, as the server counts it. */
function todayInVietnam() {
  return new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

/**
 * "Sản phẩm OCOP": the registry of the user's unit on a date, its counts, filters kept in the URL,
 * the export of what is shown and, for the province's registry keepers, a product added.
 */
export function OcopListPage() {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [state, update] = useUrlState(fields);
  const [adding, setAdding] = useState(false);
  const today = todayInVietnam();
  const unitCode = state.unit || me.data?.unitCode || "";
  const filters: OcopFilters = {
    unitCode,
    group: state.group,
    stars: state.stars,
    commune: state.commune || null,
    expiringWithin: state.expiring,
    status: state.status,
    q: state.q,
    asOf: /^\d{4}-\d{2}-\d{2}$/.test(state.asOf) ? state.asOf : today,
  };
  const list = useQuery({
    queryKey: ocopKeys.list(filters),
    queryFn: () => fetchOcopList(filters),
    enabled: unitCode !== "",
  });
  const catalog = useQuery({ queryKey: ocopKeys.catalog, queryFn: fetchOcopCatalog });
  const register = useMutation({
    mutationFn: registerOcopProduct,
    onSuccess: (product) => {
      void message.success(t("ocop.saved"));
      void queryClient.invalidateQueries({ queryKey: ocopKeys.all });
      setAdding(false);
      void navigate(`/ocop/products/${product.id}`);
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const ocopImport = useOcopImport(unitCode);

  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const data = list.data;
  const number = (value: number) => formatNumber(value, language);
  const filtered =
    state.group !== null ||
    state.stars !== null ||
    state.commune !== "" ||
    state.expiring !== null ||
    state.status !== null ||
    state.q !== "";

  return (
    <div className="page ocop-page" data-testid="ocop-list-page">
      <Typography.Title level={1} className="page-title">
        {t("ocop.title", { unit: data?.unit.name ?? unitCode })}
      </Typography.Title>
      <Typography.Paragraph className="page-meta">{t("ocop.intro")}</Typography.Paragraph>
      <Space wrap className="ocop-toolbar">
        <label className="ocop-asof">
          <span>{t("ocop.asOf")}</span>
          <DateField
            aria-label={t("ocop.asOf")}
            value={filters.asOf}
            onChange={(value) => update({ asOf: value === today ? "" : value })}
            allowClear={false}
          />
        </label>
        {data?.canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t("ocop.add")}
          </Button>
        )}
        <Button icon={<DownloadOutlined />} href={ocopExportHref(filters)}>
          {t("ocop.export")}
        </Button>
        {data?.canWrite && ocopImport.button}
      </Space>
      {ocopImport.status}
      {data && (
        <div className="ocop-tally" data-testid="ocop-tally">
          <Card size="small">
            <div className="ocop-figure">{number(data.tally.total)}</div>
            {t("ocop.tally.total")}
            <div className="ocop-figure-detail">
              {([3, 4, 5] as const)
                .map((stars) => `${number(data.tally.byStars[stars])} × ${stars}★`)
                .join(" · ")}
            </div>
          </Card>
          {(["expiring", "expired", "revoked"] as const).map((key) => (
            <Card size="small" key={key}>
              <button
                type="button"
                className="ocop-figure-button"
                onClick={() => update({ status: state.status === key ? null : key })}
                aria-pressed={state.status === key}
              >
                <span className="ocop-figure">{number(data.tally[key])}</span>
                <span>{t(`ocop.tally.${key}`)}</span>
              </button>
            </Card>
          ))}
        </div>
      )}
      <Space wrap className="ocop-filters">
        <Input.Search
          aria-label={t("ocop.filter.search")}
          placeholder={t("ocop.filter.search")}
          defaultValue={state.q}
          onSearch={(q) => update({ q })}
          allowClear
          style={{ width: 240 }}
        />
        <Select
          aria-label={t("ocop.filter.group")}
          placeholder={t("ocop.filter.group")}
          value={state.group}
          onChange={(group) => update({ group: group ?? null })}
          allowClear
          style={{ width: 220 }}
          options={ocopGroups.map((group) => ({ value: group.code, label: group.name }))}
        />
        <Select
          aria-label={t("ocop.filter.stars")}
          placeholder={t("ocop.filter.stars")}
          value={state.stars}
          onChange={(stars) => update({ stars: stars ?? null })}
          allowClear
          style={{ width: 120 }}
          options={[3, 4, 5].map((value) => ({ value, label: t("ocop.stars", { stars: value }) }))}
        />
        <Select
          aria-label={t("ocop.filter.commune")}
          placeholder={t("ocop.filter.commune")}
          value={state.commune || null}
          onChange={(commune) => update({ commune: commune ?? "" })}
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 200 }}
          options={(data?.communes ?? []).map((c) => ({ value: c.code, label: c.name }))}
        />
        <Select
          aria-label={t("ocop.filter.expiring")}
          placeholder={t("ocop.filter.expiring")}
          value={state.expiring}
          onChange={(expiring) => update({ expiring: expiring ?? null })}
          allowClear
          style={{ width: 170 }}
          options={[30, 60, 90, 180].map((days) => ({
            value: days,
            label: t("ocop.filter.days", { days }),
          }))}
        />
        <Select
          aria-label={t("ocop.filter.status")}
          placeholder={t("ocop.filter.status")}
          value={state.status}
          onChange={(status) => update({ status: status ?? null })}
          allowClear
          style={{ width: 160 }}
          options={statuses.map((status) => ({ value: status, label: t(`ocop.status.${status}`) }))}
        />
        {filtered && (
          <Button
            onClick={() =>
              update({ group: null, stars: null, commune: "", expiring: null, status: null, q: "" })
            }
          >
            {t("ocop.filter.clear")}
          </Button>
        )}
      </Space>
      <Typography.Paragraph className="page-meta">
        {t("ocop.count", { count: number(data?.products.length ?? 0) })}
      </Typography.Paragraph>
      <Table<OcopProductDto>
        rowKey="id"
        loading={list.isPending}
        dataSource={data?.products ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        locale={{ emptyText: t("ocop.empty") }}
        columns={[
          {
            title: t("ocop.col.product"),
            key: "product",
            render: (_value, product) => (
              <span>
                <Link to={`/ocop/products/${product.id}`}>{product.name}</Link>{" "}
                {product.demo && <DemoTag />}
                <br />
                <Typography.Text type="secondary">
                  {product.producerName} · {product.group.name}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t("ocop.col.commune"),
            key: "commune",
            render: (_value, product) => product.commune.name,
          },
          {
            title: t("ocop.col.stars"),
            key: "stars",
            render: (_value, product) => <Stars stars={product.certificate.stars} />,
          },
          {
            title: t("ocop.col.certificate"),
            key: "certificate",
            render: (_value, product) => (
              <span>
                {t("ocop.decision", {
                  number: product.certificate.decisionNumber,
                  date: formatDate(product.certificate.decisionDate),
                })}
                <br />
                <Typography.Text type="secondary">
                  {t("ocop.expiresOn", { date: formatDate(product.certificate.expiresOn) })}
                </Typography.Text>
              </span>
            ),
          },
          {
            title: t("ocop.col.status"),
            key: "status",
            render: (_value, product) => (
              <span>
                <CertificateStatusTag status={product.status.status} />
                {product.status.status === "expiring" && (
                  <Typography.Text type="secondary">
                    {" "}
                    {t("ocop.daysLeft", { days: product.status.daysLeft })}
                  </Typography.Text>
                )}
              </span>
            ),
          },
        ]}
      />
      <Drawer
        open={adding}
        onClose={() => setAdding(false)}
        title={t("ocop.add")}
        width={Math.min(520, window.innerWidth)}
        destroyOnHidden
      >
        {catalog.data && (
          <ProductForm
            catalog={catalog.data}
            today={today}
            saving={register.isPending}
            onSubmit={(input) => register.mutate(input)}
            onCancel={() => setAdding(false)}
          />
        )}
      </Drawer>
    </div>
  );
}
