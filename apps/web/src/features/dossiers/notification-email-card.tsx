import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input } from "antd";
import { errorMessage } from "../../lib/api-client.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { dossierKeys, fetchNotificationEmail, saveNotificationEmail } from "./dossiers-api.ts";

/** The signed-in user's address for workflow e-mails (the in-app inbox works without it). */
export function NotificationEmailCard() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [form] = Form.useForm<{ email: string }>();
  const current = useQuery({
    queryKey: dossierKeys.email(),
    queryFn: ({ signal }) => fetchNotificationEmail(signal),
  });
  const save = useMutation({
    mutationFn: (email: string) => saveNotificationEmail(email.trim() || null),
    onSuccess: (data) => client.setQueryData(dossierKeys.email(), data),
  });
  return (
    <Card title={t("dossiers.email.title")} style={{ marginBottom: 16 }}>
      <p>{t("dossiers.email.help")}</p>
      {current.data && (
        <Form
          key={current.data.email ?? ""}
          form={form}
          initialValues={{ email: current.data.email ?? "" }}
          layout="inline"
          data-testid="email-form"
          onFinish={(values) => save.mutate(values.email ?? "")}
        >
          <Form.Item
            name="email"
            label={t("dossiers.email.label")}
            rules={[{ type: "email", message: t("dossiers.email.invalid") }]}
            style={{ minWidth: 260, flex: 1 }}
          >
            <Input type="email" autoComplete="email" data-testid="email-input" />
          </Form.Item>
          <Button htmlType="submit" loading={save.isPending} data-testid="email-save">
            {t("dossiers.email.save")}
          </Button>
        </Form>
      )}
      {save.isSuccess && (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          data-testid="email-saved"
          message={
            save.data.email
              ? t("dossiers.email.saved", { email: save.data.email })
              : t("dossiers.email.cleared")
          }
        />
      )}
      {save.isError && (
        <Alert style={{ marginTop: 12 }} type="error" message={errorMessage(save.error)} />
      )}
    </Card>
  );
}
