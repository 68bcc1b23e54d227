import { ArrowLeftOutlined } from "@ant-design/icons";
import type { OcopProductDetail } from "@ntm/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  List,
  Space,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { DateField } from "../../components/date-field.tsx";
import { DemoTag } from "../../components/demo-tag.tsx";
import { ErrorState } from "../../components/error-state.tsx";
import { PageLoading } from "../../components/page-loading.tsx";
import { UnverifiedBadge } from "../../components/unverified-badge.tsx";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDate, formatDateTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { CertificateFields, certificateOf, type CertificateValues } from "./certificate-fields.tsx";
import { CertificateStatusTag, Stars } from "./certificate-status-tag.tsx";
import {
  fetchOcopCatalog,
  fetchOcopProduct,
  ocopKeys,
  reevaluateOcopProduct,
  revokeOcopProduct,
} from "./ocop-api.ts";
import "./ocop.css";

interface RevokeValues {
  revokedOn: string;
  reason: string;
  decisionNumber: string;
}

/** One product: its certificate in force, how its stars follow, all certificates and history. */
export function OcopProductPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { id } = useParams();
  const [params] = useSearchParams();
  const asOf = params.get("asOf") ?? "";
  const productId = Number(id);
  const queryClient = useQueryClient();
  const [panel, setPanel] = useState<"reevaluate" | "revoke" | null>(null);
  const product = useQuery({
    queryKey: ocopKeys.product(productId, asOf),
    queryFn: () => fetchOcopProduct(productId, asOf),
  });
  const catalog = useQuery({ queryKey: ocopKeys.catalog, queryFn: fetchOcopCatalog });
  const done = (text: string) => (detail: OcopProductDetail) => {
    void message.success(text.replace("{stars}", String(detail.certificate.stars)));
    void queryClient.invalidateQueries({ queryKey: ocopKeys.all });
    setPanel(null);
  };
  const reevaluate = useMutation({
    mutationFn: (values: CertificateValues) =>
      reevaluateOcopProduct(productId, {
        version: product.data?.version ?? 0,
        communeCode: null,
        certificate: certificateOf(values),
      }),
    onSuccess: done(t("ocop.reevaluated", { stars: "{stars}" })),
    onError: (error) => void message.error(errorMessage(error)),
  });
  const revoke = useMutation({
    mutationFn: (values: RevokeValues) =>
      revokeOcopProduct(productId, { version: product.data?.version ?? 0, ...values }),
    onSuccess: done(t("ocop.revoked")),
    onError: (error) => void message.error(errorMessage(error)),
  });

  if (product.isError)
    return <ErrorState error={product.error} onRetry={() => void product.refetch()} />;
  if (!product.data) return <PageLoading />;
  const p = product.data;
  const required = [{ required: true, message: t("ocop.form.required") }];
  const live = p.status.status === "valid" || p.status.status === "expiring";
  return (
    <div className="page ocop-page" data-testid="ocop-product-page">
      <Link to="/ocop">
        <ArrowLeftOutlined aria-hidden /> {t("ocop.back")}
      </Link>
      <Typography.Title level={1} className="page-title">
        {p.name} {p.demo && <DemoTag />}
      </Typography.Title>
      <Space wrap className="ocop-toolbar">
        <Stars stars={p.certificate.stars} />
        <CertificateStatusTag status={p.status.status} />
        <Typography.Text>{p.status.reason}</Typography.Text>
      </Space>
      {p.canWrite && (
        <Space wrap className="ocop-toolbar">
          <Button type="primary" onClick={() => setPanel("reevaluate")}>
            {t("ocop.reevaluate")}
          </Button>
          {live && (
            <Button danger onClick={() => setPanel("revoke")}>
              {t("ocop.revoke")}
            </Button>
          )}
        </Space>
      )}
      <Descriptions bordered size="small" column={1} className="ocop-facts">
        <Descriptions.Item label={t("ocop.producer")}>{p.producerName}</Descriptions.Item>
        <Descriptions.Item label={t("ocop.group")}>{p.group.name}</Descriptions.Item>
        <Descriptions.Item label={t("ocop.commune")}>{p.commune.name}</Descriptions.Item>
        {p.producerEmail && (
          <Descriptions.Item label={t("ocop.email")}>{p.producerEmail}</Descriptions.Item>
        )}
        <Descriptions.Item label={t("ocop.col.certificate")}>
          {t("ocop.decision", {
            number: p.certificate.decisionNumber,
            date: formatDate(p.certificate.decisionDate),
          })}{" "}
          ({p.certificate.issuer}) —{" "}
          {t("ocop.expiresOn", { date: formatDate(p.certificate.expiresOn) })}
        </Descriptions.Item>
        <Descriptions.Item label={t("ocop.scores")}>
          A {p.certificate.scores.A} · B {p.certificate.scores.B} · C {p.certificate.scores.C} —{" "}
          {t("ocop.total", { total: p.certificate.total })}
        </Descriptions.Item>
      </Descriptions>
      <Card size="small" title={<h2 className="card-heading">{t("ocop.reasons")}</h2>}>
        {p.reasons.map((reason) => (
          <Typography.Paragraph key={reason}>{reason}</Typography.Paragraph>
        ))}
        {p.basis.status === "unverified" && <UnverifiedBadge note={p.basis.note ?? undefined} />}
      </Card>
      <Card size="small" title={<h2 className="card-heading">{t("ocop.certificates")}</h2>}>
        <List
          dataSource={p.certificates}
          renderItem={(c) => (
            <List.Item>
              <span>
                <Stars stars={c.stars} /> ·{" "}
                {t("ocop.decision", { number: c.decisionNumber, date: formatDate(c.decisionDate) })}{" "}
                · {t(`ocop.origin.${c.origin}`)} · {t("ocop.total", { total: c.total })}
                <br />
                <Typography.Text type="secondary">
                  {c.revokedOn
                    ? t("ocop.revokedBy", {
                        number: c.revokeDecision ?? "",
                        date: formatDate(c.revokedOn),
                        reason: c.revokeReason ?? "",
                      })
                    : t("ocop.expiresOn", { date: formatDate(c.expiresOn) })}
                </Typography.Text>
              </span>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={<h2 className="card-heading">{t("ocop.history")}</h2>}>
        <Timeline
          items={p.history.map((event) => ({
            children: (
              <span>
                <Typography.Text type="secondary">
                  {formatDateTime(event.at)} · {event.username}
                </Typography.Text>
                <br />
                {event.note}
              </span>
            ),
          }))}
        />
      </Card>
      <Drawer
        open={panel !== null}
        onClose={() => setPanel(null)}
        title={panel === "revoke" ? t("ocop.revoke") : t("ocop.reevaluate")}
        width={Math.min(520, window.innerWidth)}
        destroyOnHidden
      >
        {panel === "reevaluate" && catalog.data && (
          <Form<CertificateValues>
            layout="vertical"
            onFinish={(values) => reevaluate.mutate(values)}
            initialValues={{
              issuer: p.certificate.issuer,
              issuerLevel: p.certificate.issuerLevel,
            }}
            data-testid="ocop-reevaluate-form"
          >
            <CertificateFields catalog={catalog.data} />
            <Button type="primary" htmlType="submit" loading={reevaluate.isPending}>
              {t("ocop.form.save")}
            </Button>
          </Form>
        )}
        {panel === "revoke" && (
          <Form<RevokeValues>
            layout="vertical"
            onFinish={(values) => revoke.mutate(values)}
            data-testid="ocop-revoke-form"
          >
            <Form.Item name="revokedOn" label={t("ocop.revoke.date")} rules={required}>
              <DateField style={{ width: "100%" }} />
            </Form.Item>
            <Form.Item name="decisionNumber" label={t("ocop.revoke.decision")} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item name="reason" label={t("ocop.revoke.reason")} rules={required}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Button danger htmlType="submit" loading={revoke.isPending}>
              {t("ocop.revoke")}
            </Button>
          </Form>
        )}
      </Drawer>
    </div>
  );
}
