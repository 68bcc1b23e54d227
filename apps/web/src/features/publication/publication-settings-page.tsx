import type { PublicationResponse } from "@ntm/contracts";
import { publicationKinds, type PublicationKind } from "@ntm/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Checkbox, Space, Table, Typography } from "antd";
import { useState } from "react";
import { ErrorState } from "../../components/error-state.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useCurrentUser } from "../auth/index.ts";
import { fetchPublication, publicationQueryKey, savePublication } from "./publication-api.ts";

type Choice = Record<number, PublicationKind[]>;

const choiceOf = (data: PublicationResponse): Choice =>
  Object.fromEntries(data.entries.map((entry) => [entry.year, entry.kinds]));

/** `/publication`: which kinds of the province's data are public, year by year. */
export function PublicationSettingsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const provinceCode = useCurrentUser().data?.unitCode ?? "";
  const client = useQueryClient();
  const query = useQuery({
    queryKey: publicationQueryKey(provinceCode),
    queryFn: () => fetchPublication(provinceCode),
    enabled: provinceCode !== "",
  });
  const [choice, setChoice] = useState<Choice | null>(null);
  const save = useMutation({
    mutationFn: (next: Choice) =>
      savePublication(provinceCode, {
        entries: Object.entries(next).map(([year, kinds]) => ({ year: Number(year), kinds })),
      }),
    onSuccess: (data) => {
      client.setQueryData(publicationQueryKey(provinceCode), data);
      setChoice(null);
      void message.success(t("publication.saved"));
    },
  });

  const title = (
    <Typography.Title level={1} id="publication-title" className="page-title">
      {t("publication.title")}
    </Typography.Title>
  );
  if (query.isError) {
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.data === null) {
    return (
      <section aria-labelledby="publication-title">
        {title}
        <Alert type="info" showIcon title={t("publication.notProvince")} />
        <p>
          <a href="/cong-khai">{t("publication.openList")}</a>
        </p>
      </section>
    );
  }
  const data = query.data;
  const current = choice ?? (data ? choiceOf(data) : {});
  const editable = data?.can.edit ?? false;
  const toggle = (year: number, kind: PublicationKind, on: boolean) => {
    const kinds = new Set(current[year] ?? []);
    if (on) kinds.add(kind);
    else kinds.delete(kind);
    setChoice({ ...current, [year]: publicationKinds.filter((k) => kinds.has(k)) });
  };

  return (
    <section aria-labelledby="publication-title">
      {title}
      <Typography.Paragraph type="secondary">{t("publication.intro")}</Typography.Paragraph>
      {data && !editable && (
        <Alert
          type="info"
          showIcon
          title={t("publication.readOnly")}
          style={{ marginBottom: 16 }}
        />
      )}
      <Table<{ year: number }>
        rowKey="year"
        loading={query.isPending}
        dataSource={(data?.years ?? []).map((year) => ({ year }))}
        pagination={false}
        scroll={{ x: "max-content" }}
        data-testid="publication-table"
        columns={[
          { title: t("publication.year"), dataIndex: "year", fixed: "left" },
          ...publicationKinds.map((kind) => ({
            key: kind,
            title: t(`publication.kind.${kind}`),
            render: (_: unknown, row: { year: number }) => (
              <Checkbox
                checked={(current[row.year] ?? []).includes(kind)}
                disabled={!editable}
                onChange={(event) => toggle(row.year, kind, event.target.checked)}
                aria-label={`${t(`publication.kind.${kind}`)} ${row.year}`}
                data-testid={`publication-${row.year}-${kind}`}
              />
            ),
          })),
        ]}
      />
      {save.isError && (
        <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginTop: 16 }} />
      )}
      <Space wrap style={{ marginTop: 16 }}>
        {editable && (
          <Button
            type="primary"
            disabled={choice === null}
            loading={save.isPending}
            onClick={() => save.mutate(current)}
            data-testid="publication-save"
          >
            {t("publication.save")}
          </Button>
        )}
        <a href={`/cong-khai/${provinceCode}`}>{t("publication.open")}</a>
        <Typography.Text type="secondary">
          {data?.updatedBy
            ? t("publication.changed", {
                user: data.updatedBy,
                at: formatDateTime(data.updatedAt),
              })
            : t("publication.never")}
        </Typography.Text>
      </Space>
    </section>
  );
}
