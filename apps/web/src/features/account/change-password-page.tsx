import type { ChangePasswordInput } from "@ntm/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Typography } from "antd";
import { useNavigate } from "react-router";
import { useCurrentUser, meQueryKey } from "../auth/index.ts";
import { errorMessage } from "../../lib/api-client.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { changePassword } from "./account-api.ts";
import { passwordProblems } from "./password-problems.ts";

interface PasswordForm extends ChangePasswordInput {
  confirm: string;
}

/** Every user changes their own password here; after an administrator's reset, nothing else opens. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const username = me.data?.username ?? "";
  const forced = me.data?.mustChangePassword === true;
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: (result) => {
      void message.success(
        result.sessionsEnded > 0
          ? t("password.doneSessions", { count: result.sessionsEnded })
          : t("password.done"),
      );
      void queryClient.invalidateQueries({ queryKey: meQueryKey });
      if (forced) void navigate("/", { replace: true });
    },
  });

  return (
    <div className="page account-page" data-testid="change-password-page">
      <Typography.Title level={1} className="page-title">
        {t("password.title")}
      </Typography.Title>
      {forced && <Alert type="warning" showIcon role="alert" title={t("password.mustChange")} />}
      <Card>
        <Typography.Paragraph type="secondary">{t("password.intro")}</Typography.Paragraph>
        {mutation.isError && (
          <Alert
            type="error"
            showIcon
            role="alert"
            className="login-error"
            data-testid="password-error"
            title={errorMessage(mutation.error)}
          />
        )}
        <Form<PasswordForm>
          layout="vertical"
          requiredMark={false}
          className="password-form"
          disabled={mutation.isPending}
          onFinish={({ currentPassword, newPassword }) =>
            mutation.mutate({ currentPassword, newPassword })
          }
        >
          {/* Lets password managers tie the new password to the account. */}
          <input
            type="text"
            name="username"
            value={username}
            autoComplete="username"
            readOnly
            hidden
          />
          <Form.Item
            label={t("password.current")}
            name="currentPassword"
            rules={[{ required: true, message: t("password.currentRequired") }]}
          >
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item
            label={t("password.new")}
            name="newPassword"
            rules={[
              { required: true, message: t("password.newRequired") },
              {
                validator: (_rule, value: string | undefined) => {
                  const problems = value ? passwordProblems(value, username, t) : [];
                  return problems.length === 0
                    ? Promise.resolve()
                    : Promise.reject(new Error(problems.join(" · ")));
                },
              },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-new" />
          </Form.Item>
          <Form.Item
            label={t("password.confirm")}
            name="confirm"
            dependencies={["newPassword"]}
            rules={[
              { required: true, message: t("password.newRequired") },
              ({ getFieldValue }) => ({
                validator: (_rule, value: string | undefined) =>
                  !value || value === getFieldValue("newPassword")
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("password.mismatch"))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-confirm" />
          </Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            loading={mutation.isPending}
            data-testid="password-submit"
          >
            {t("password.submit")}
          </Button>
        </Form>
      </Card>
    </div>
  );
}
