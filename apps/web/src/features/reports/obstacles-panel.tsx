import type { ObstacleDto } from "@ntm/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  Button,
  Card,
  Form,
  Input,
  List,
  Segmented,
  Space,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { useSearchParams } from "react-router";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { scrollToId } from "../../lib/scroll-into-view.ts";
import { useCurrentUser } from "../auth/index.ts";
import {
  escalateObstacle,
  fetchObstacles,
  raiseObstacle,
  reportKeys,
  resolveObstacle,
} from "./reports-api.ts";
import { DateField } from "../../components/date-field.tsx";

const statusColor = { open: "blue", escalated: "gold", resolved: "green" } as const;
type Filter = "unresolved" | "overdue" | "resolved" | "all";
const filters: Record<Filter, Record<string, string>> = {
  unresolved: { status: "unresolved" },
  overdue: { overdue: "true" },
  resolved: { status: "resolved" },
  all: {},
};

function ObstacleCard({ obstacle, focused }: { obstacle: ObstacleDto; focused: boolean }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const [note, setNote] = useState("");
  const action = useMutation({
    mutationFn: (kind: "escalate" | "resolve") =>
      kind === "escalate"
        ? escalateObstacle(obstacle.id, note)
        : resolveObstacle(obstacle.id, note),
    onSuccess: () => {
      setNote("");
      void client.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
  return (
    <Card
      size="small"
      id={`obstacle-${obstacle.id}`}
      className={focused ? "obstacle-focused" : undefined}
      data-testid={`obstacle-${obstacle.id}`}
      title={obstacle.title}
    >
      <Space direction="vertical" style={{ width: "100%" }}>
        <Space wrap>
          <Tag color={statusColor[obstacle.status]} data-testid="obstacle-status">
            {t(`reports.obstacles.status.${obstacle.status}`)}
          </Tag>
          <span>
            {t(
              obstacle.status === "resolved"
                ? "reports.obstacles.resolvedAt"
                : "reports.obstacles.holder",
            )}
            : <strong data-testid="obstacle-holder">{obstacle.holderName}</strong>
          </span>
          <span>
            {t("reports.obstacles.due")}: {formatDate(obstacle.dueDate)}
          </span>
          {obstacle.overdue && <Tag color="red">{t("reports.obstacles.overdue")}</Tag>}
        </Space>
        <Typography.Text type="secondary">
          {obstacle.unitName}
          {obstacle.criterionCodes.length > 0 &&
            ` · ${t("reports.import.indicator")}: ${obstacle.criterionCodes.join(", ")}`}
          {obstacle.planItem && ` · ${obstacle.planItem}`}
        </Typography.Text>
        {obstacle.description && (
          <Typography.Paragraph>{obstacle.description}</Typography.Paragraph>
        )}
        {obstacle.answer && <Alert type="success" showIcon message={obstacle.answer} />}
        <Typography.Text strong>{t("reports.obstacles.history")}</Typography.Text>
        <Timeline
          items={obstacle.events.map((event) => ({
            children: (
              <span>
                {formatDateTime(event.at)} · {event.username}: {event.note}
                {event.hoursSincePrevious !== null &&
                  ` (${t("reports.obstacles.hours", { hours: event.hoursSincePrevious })})`}
              </span>
            ),
          }))}
        />
        {(obstacle.canEscalate || obstacle.canResolve) && (
          <Space direction="vertical" style={{ width: "100%" }}>
            <Input.TextArea
              rows={2}
              aria-label={t("reports.obstacles.note")}
              placeholder={t("reports.obstacles.note")}
              value={note}
              onChange={(event) => setNote(event.target.value)}
              data-testid="obstacle-note"
            />
            {action.isError && <Alert type="error" showIcon message={errorMessage(action.error)} />}
            <Space wrap>
              {obstacle.canEscalate && (
                <Button
                  onClick={() => action.mutate("escalate")}
                  loading={action.isPending}
                  data-testid="obstacle-escalate"
                >
                  {t("reports.obstacles.escalate")}
                </Button>
              )}
              {obstacle.canResolve && (
                <Button
                  type="primary"
                  onClick={() => action.mutate("resolve")}
                  loading={action.isPending}
                  data-testid="obstacle-resolve"
                >
                  {t("reports.obstacles.resolve")}
                </Button>
              )}
            </Space>
          </Space>
        )}
      </Space>
    </Card>
  );
}

interface RaiseForm {
  title: string;
  description?: string;
  criteria?: string;
  planItem?: string;
  dueDate: string;
}

export function ObstaclesPanel() {
  const { t } = useI18n();
  const user = useCurrentUser().data;
  const client = useQueryClient();
  const [filter, setFilter] = useState<Filter>("unresolved");
  const [form] = Form.useForm<RaiseForm>();
  const list = useQuery({
    queryKey: reportKeys.obstacles(filter),
    queryFn: ({ signal }) => fetchObstacles(filters[filter], signal),
  });
  // "Việc của tôi" opens one obstacle with ?obstacle=ID: it is marked and brought into view.
  const [search] = useSearchParams();
  const focus = Number(search.get("obstacle")) || null;
  const shown = list.data?.some((obstacle) => obstacle.id === focus) === true;
  useEffect(() => {
    if (shown) scrollToId(`obstacle-${focus}`);
  }, [shown, focus]);
  const raise = useMutation({
    mutationFn: (values: RaiseForm) =>
      raiseObstacle({
        unitCode: user?.unitCode ?? "",
        title: values.title,
        description: values.description ?? "",
        criterionCodes: (values.criteria ?? "")
          .split(",")
          .map((c) => c.trim())
          .filter(Boolean),
        ...(values.planItem ? { planItem: values.planItem } : {}),
        dueDate: values.dueDate,
      }),
    onSuccess: () => {
      form.resetFields();
      void client.invalidateQueries({ queryKey: reportKeys.all });
    },
  });
  const canRaise = user?.permissions["obstacle.raise"] === true;
  return (
    <Space direction="vertical" size="middle" style={{ width: "100%" }}>
      {canRaise && (
        <Card size="small" title={t("reports.obstacles.new")}>
          <Form
            form={form}
            layout="vertical"
            onFinish={(values) => raise.mutate(values)}
            data-testid="obstacle-form"
          >
            <Form.Item
              name="title"
              label={t("reports.obstacles.title")}
              rules={[{ required: true, min: 5 }]}
            >
              <Input data-testid="obstacle-title" />
            </Form.Item>
            <Form.Item name="description" label={t("reports.obstacles.description")}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="criteria" label={t("reports.obstacles.criteria")}>
                <Input data-testid="obstacle-criteria" />
              </Form.Item>
              <Form.Item name="planItem" label={t("reports.obstacles.planItem")}>
                <Input />
              </Form.Item>
              <Form.Item
                name="dueDate"
                label={t("reports.obstacles.dueDate")}
                rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
              >
                <DateField data-testid="obstacle-due" />
              </Form.Item>
            </Space>
            {raise.isError && <Alert type="error" showIcon message={errorMessage(raise.error)} />}
            <Button
              type="primary"
              htmlType="submit"
              loading={raise.isPending}
              data-testid="obstacle-raise"
            >
              {t("reports.obstacles.raise")}
            </Button>
          </Form>
        </Card>
      )}
      <Segmented<Filter>
        value={filter}
        onChange={setFilter}
        options={(["unresolved", "overdue", "resolved", "all"] as const).map((value) => ({
          value,
          label: t(`reports.obstacles.filter.${value}`),
        }))}
      />
      {list.isPending && <PageLoading />}
      {list.isError && <ErrorState error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && (
        <List
          dataSource={list.data}
          locale={{ emptyText: t("reports.obstacles.empty") }}
          renderItem={(obstacle) => (
            <List.Item style={{ display: "block" }}>
              <ObstacleCard obstacle={obstacle} focused={obstacle.id === focus} />
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
