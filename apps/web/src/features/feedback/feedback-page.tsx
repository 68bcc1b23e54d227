import "./feedback.css";
import type { FeedbackItemDto } from "@ntm/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Segmented, Space, Tag } from "antd";
import { CheckOutlined, EyeInvisibleOutlined, ClockCircleOutlined } from "@ant-design/icons";
import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDateTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import {
  feedbackKeys,
  fetchFeedback,
  moderateFeedback,
  type FeedbackFilter,
} from "./feedback-api.ts";

const filters: FeedbackFilter[] = ["pending", "approved", "hidden", "all"];

const statusIcons = {
  pending: <ClockCircleOutlined aria-hidden />,
  approved: <CheckOutlined aria-hidden />,
  hidden: <EyeInvisibleOutlined aria-hidden />,
};
const statusColors = { pending: "gold", approved: "green", hidden: "default" };

/** The moderation queue: residents' comments of the user's scope, approved or hidden here. */
export function FeedbackPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = (filters.find((f) => f === params.get("status")) ?? "pending") as FeedbackFilter;
  const dossierParam = Number(params.get("dossier"));
  const dossier = Number.isInteger(dossierParam) && dossierParam > 0 ? dossierParam : null;
  const query = useQuery({
    queryKey: feedbackKeys.list(status, dossier),
    queryFn: () => fetchFeedback(status, dossier),
  });
  const [hiding, setHiding] = useState<FeedbackItemDto | null>(null);

  const setFilter = (next: FeedbackFilter) => {
    const copy = new URLSearchParams(params);
    copy.set("status", next);
    setParams(copy, { replace: true });
  };

  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const { counts, items } = query.data;
  const total = counts.pending + counts.approved + counts.hidden;
  const countOf = (f: FeedbackFilter) => (f === "all" ? total : counts[f]);

  return (
    <div className="feedback-page">
      <h1 className="page-title">{t("feedback.title")}</h1>
      <p className="page-meta">{t("feedback.intro")}</p>
      {dossier !== null && (
        <Alert
          type="info"
          showIcon
          message={
            <>
              {t("feedback.onlyDossier", { id: dossier })}{" "}
              <Link to={`/dossiers/${dossier}`}>{t("feedback.openDossier")}</Link>
              {" · "}
              <Link to={`/feedback?status=${status}`}>{t("feedback.allDossiers")}</Link>
            </>
          }
        />
      )}
      <Segmented
        className="feedback-filter"
        aria-label={t("feedback.filter")}
        value={status}
        onChange={(value) => setFilter(value as FeedbackFilter)}
        options={filters.map((f) => ({
          value: f,
          label: t("feedback.count", { label: t(`feedback.status.${f}`), count: countOf(f) }),
        }))}
      />
      {items.length === 0 ? (
        <Empty description={t("feedback.empty")} />
      ) : (
        <ul className="feedback-list" data-testid="feedback-list">
          {items.map((item) => (
            <FeedbackCard key={item.id} item={item} onHide={() => setHiding(item)} />
          ))}
        </ul>
      )}
      {hiding && <HideDialog item={hiding} onClose={() => setHiding(null)} />}
    </div>
  );
}

function useModeration() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const { t } = useI18n();
  return useMutation({
    mutationFn: (args: Parameters<typeof moderateFeedback>) => moderateFeedback(...args),
    onSuccess: async (item) => {
      message.success(t(item.status === "approved" ? "feedback.approved" : "feedback.hidden"));
      await client.invalidateQueries({ queryKey: feedbackKeys.all });
      await client.invalidateQueries({ queryKey: ["tasks"] });
    },
    onError: (error) => message.error(errorMessage(error)),
  });
}

function FeedbackCard({ item, onHide }: { item: FeedbackItemDto; onHide: () => void }) {
  const { t } = useI18n();
  const moderation = useModeration();
  return (
    <li>
      <Card size="small" data-testid={`feedback-${item.id}`}>
        <div className="feedback-head">
          <Tag color={statusColors[item.status]} icon={statusIcons[item.status]}>
            {t(`feedback.status.${item.status}`)}
          </Tag>
          <Link to={`/dossiers/${item.dossierId}`}>
            {t("feedback.dossier", { id: item.dossierId, unit: item.unit.name, year: item.year })}
          </Link>
        </div>
        <p className="feedback-text">{item.text}</p>
        <div className="page-meta">
          {item.authorName ?? t("feedback.anonymous")}
          {item.contact ? ` · ${t("feedback.contact", { contact: item.contact })}` : ""}
          {" · "}
          {t("feedback.receivedAt", { date: formatDateTime(item.createdAt) })}
        </div>
        {item.moderatedAt && (
          <div className="page-meta">
            {t("feedback.moderatedBy", {
              user: item.moderatedBy ?? "",
              date: formatDateTime(item.moderatedAt),
            })}
          </div>
        )}
        {item.hideReason && (
          <div className="page-meta">{t("feedback.hideReason", { reason: item.hideReason })}</div>
        )}
        {item.canModerate && (
          <Space className="feedback-actions" wrap>
            {item.status !== "approved" && (
              <Button
                type="primary"
                icon={<CheckOutlined />}
                loading={moderation.isPending}
                onClick={() => moderation.mutate([item.id, { action: "approve" }])}
              >
                {t("feedback.approve")}
              </Button>
            )}
            {item.status !== "hidden" && (
              <Button icon={<EyeInvisibleOutlined />} onClick={onHide}>
                {t("feedback.hide")}
              </Button>
            )}
          </Space>
        )}
      </Card>
    </li>
  );
}

function HideDialog({ item, onClose }: { item: FeedbackItemDto; onClose: () => void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const moderation = useModeration();
  const submit = async () => {
    const { reason } = await form.validateFields();
    await moderation.mutateAsync([item.id, { action: "hide", reason }]);
    onClose();
  };
  return (
    <Modal
      open
      title={t("feedback.hideTitle")}
      okText={t("feedback.hide")}
      onOk={submit}
      confirmLoading={moderation.isPending}
      onCancel={onClose}
    >
      <p className="feedback-text">{item.text}</p>
      <Form form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t("feedback.hideReasonLabel")}
          rules={[
            {
              validator: (_rule, value: string | undefined) =>
                (value ?? "").trim().length >= 5
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("feedback.hideReasonRequired"))),
            },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={500}
            placeholder={t("feedback.hideReasonPlaceholder")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
