import { LockOutlined, UserOutlined } from "@ant-design/icons";
import type { LoginInput } from "@ntm/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { errorMessage } from "../../lib/api-client.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { login, meQueryKey } from "./auth-api.ts";

export function LoginPage() {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: login,
    // The guest guard around this page sends the user on once the session exists.
    onSuccess: (user) => queryClient.setQueryData(meQueryKey, user),
  });

  return (
    <main className="login-screen" id="main">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <Card className="login-card">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden>
            N
          </span>
          <div>
            <Typography.Title level={1} className="login-product">
              {t("app.name")}
            </Typography.Title>
            <Typography.Text type="secondary">{t("app.tagline")}</Typography.Text>
          </div>
        </div>
        <Typography.Title level={2} className="login-title">
          {t("login.title")}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t("login.subtitle")}</Typography.Paragraph>
        {mutation.isError && (
          <Alert
            type="error"
            showIcon
            className="login-error"
            data-testid="login-error"
            role="alert"
            title={errorMessage(mutation.error)}
          />
        )}
        <Form<LoginInput>
          layout="vertical"
          requiredMark={false}
          onFinish={(values) => mutation.mutate({ ...values, username: values.username.trim() })}
          disabled={mutation.isPending}
        >
          <Form.Item
            label={t("login.username")}
            name="username"
            rules={[{ required: true, whitespace: true, message: t("login.usernameRequired") }]}
          >
            <Input
              autoComplete="username"
              autoFocus
              size="large"
              prefix={<UserOutlined aria-hidden />}
              data-testid="login-username"
            />
          </Form.Item>
          <Form.Item
            label={t("login.password")}
            name="password"
            rules={[{ required: true, message: t("login.passwordRequired") }]}
          >
            <Input.Password
              autoComplete="current-password"
              size="large"
              prefix={<LockOutlined aria-hidden />}
              data-testid="login-password"
            />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={mutation.isPending}
            data-testid="login-submit"
          >
            {t("login.submit")}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
