import type { AccountSummary } from "@ntm/contracts";
import { matchesSearch } from "@ntm/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Input, Modal, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ErrorState } from "../../components/error-state.tsx";
import { useCurrentUser } from "../auth/index.ts";
import { errorMessage } from "../../lib/api-client.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import {
  accountsQueryKey,
  actOnAccount,
  fetchAccounts,
  resetPassword,
  type AccountAction,
} from "./account-api.ts";

/** The province administrator's list of accounts: disable or enable, reset a password, end sessions. */
export function AccountsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const queryClient = useQueryClient();
  const [search, setSearch] = useState("");
  const [temporary, setTemporary] = useState<{ username: string; password: string } | null>(null);
  const accounts = useQuery({ queryKey: accountsQueryKey, queryFn: fetchAccounts });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: accountsQueryKey });

  const act = useMutation({
    mutationFn: ({ username, action }: { username: string; action: AccountAction }) =>
      actOnAccount(username, action),
    onSuccess: (state, { action }) => {
      const params = { username: state.username, count: state.sessionsEnded };
      const text =
        action === "disable"
          ? t("accounts.disabledDone", params)
          : action === "enable"
            ? t("accounts.enabledDone", params)
            : t("accounts.sessionsDone", params);
      void message.success(text);
      refresh();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const reset = useMutation({
    mutationFn: resetPassword,
    onSuccess: (result) => {
      setTemporary({ username: result.username, password: result.temporaryPassword });
      refresh();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  if (accounts.isError) {
    return <ErrorState error={accounts.error} onRetry={() => void accounts.refetch()} />;
  }
  const rows = (accounts.data ?? []).filter(
    (account) =>
      search.trim() === "" ||
      matchesSearch(`${account.username} ${account.displayName} ${account.unitCode}`, search),
  );

  const confirmed = (
    key: string,
    title: string,
    onConfirm: () => void,
    label: string,
    danger = false,
  ) => (
    <Popconfirm
      key={key}
      title={title}
      okText={t("accounts.ok")}
      cancelText={t("accounts.cancel")}
      onConfirm={onConfirm}
    >
      <Button size="small" danger={danger}>
        {label}
      </Button>
    </Popconfirm>
  );

  return (
    <div className="page" data-testid="accounts-page">
      <Typography.Title level={1} className="page-title">
        {t("accounts.title")}
      </Typography.Title>
      <Typography.Paragraph className="page-meta">{t("accounts.intro")}</Typography.Paragraph>
      <Input.Search
        aria-label={t("accounts.search")}
        placeholder={t("accounts.searchPlaceholder")}
        allowClear
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        className="accounts-search"
      />
      <Table<AccountSummary>
        rowKey="username"
        loading={accounts.isPending}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 760 }}
        locale={{ emptyText: t("accounts.empty") }}
        columns={[
          {
            title: t("accounts.colUser"),
            key: "user",
            render: (_value, account) => (
              <span>
                <strong>{account.username}</strong>
                <br />
                <Typography.Text type="secondary">{account.displayName}</Typography.Text>
              </span>
            ),
          },
          {
            title: t("accounts.colRole"),
            key: "role",
            render: (_value, account) => t(`role.${account.role}`),
          },
          { title: t("accounts.colUnit"), dataIndex: "unitCode", key: "unit" },
          {
            title: t("accounts.colState"),
            key: "state",
            render: (_value, account) => (
              <Space size={[4, 4]} wrap>
                {account.active ? (
                  <Tag color="green">{t("accounts.active")}</Tag>
                ) : (
                  <Tag color="red">{t("accounts.disabled")}</Tag>
                )}
                {account.mustChangePassword && <Tag color="gold">{t("accounts.mustChange")}</Tag>}
                {account.demo && <Tag>{t("accounts.demo")}</Tag>}
                {account.id === me.data?.id && <Tag color="blue">{t("accounts.you")}</Tag>}
              </Space>
            ),
          },
          {
            title: t("accounts.colActions"),
            key: "actions",
            render: (_value, account) => {
              const { username } = account;
              const self = account.id === me.data?.id;
              return (
                <Space size={[4, 4]} wrap data-testid={`account-actions-${username}`}>
                  {account.active
                    ? !self &&
                      confirmed(
                        "disable",
                        t("accounts.confirmDisable", { username }),
                        () => act.mutate({ username, action: "disable" }),
                        t("accounts.disable"),
                        true,
                      )
                    : confirmed(
                        "enable",
                        t("accounts.confirmEnable", { username }),
                        () => act.mutate({ username, action: "enable" }),
                        t("accounts.enable"),
                      )}
                  {!self &&
                    confirmed(
                      "reset",
                      t("accounts.confirmReset", { username }),
                      () => reset.mutate(username),
                      t("accounts.reset"),
                    )}
                  {confirmed(
                    "sessions",
                    t("accounts.confirmEndSessions", { username }),
                    () => act.mutate({ username, action: "end-sessions" }),
                    t("accounts.endSessions"),
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <Modal
        open={temporary !== null}
        title={temporary ? t("accounts.tempTitle", { username: temporary.username }) : ""}
        onCancel={() => setTemporary(null)}
        footer={
          <Button type="primary" onClick={() => setTemporary(null)}>
            {t("common.close")}
          </Button>
        }
      >
        <Typography.Paragraph
          copyable
          className="temporary-password"
          data-testid="temporary-password"
        >
          {temporary?.password}
        </Typography.Paragraph>
        <Alert type="warning" showIcon title={t("accounts.tempHint")} />
      </Modal>
    </div>
  );
}
