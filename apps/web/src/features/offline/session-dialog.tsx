import { currentUserSchema } from "@ntm/contracts";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Form, Input, Modal } from "antd";
import { useState } from "react";
import { meQueryKey } from "../auth/index.ts";
import { apiRequest, errorMessage } from "../../lib/api-client.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { kickSync } from "./sync-engine.ts";
import { updateSync } from "./sync-store.ts";
import { useSyncStatus } from "./use-sync-status.ts";

/** Over the page when the server ends the session: sign in again, then what waited is sent. */
export function SessionDialog({ username }: { username: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const { sessionExpired } = useSyncStatus();
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const user = await apiRequest("/api/auth/login", {
        schema: currentUserSchema,
        method: "POST",
        json: { username, password },
      });
      setPassword("");
      queryClient.setQueryData(meQueryKey, user);
      updateSync({ sessionExpired: false, phase: "idle" });
      kickSync();
      void queryClient.invalidateQueries({
        predicate: (query) => query.queryKey[0] !== meQueryKey[0],
      });
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  const switchAccount = () => {
    updateSync({ sessionExpired: false, phase: "idle" });
    queryClient.setQueryData(meQueryKey, null);
  };

  return (
    <Modal
      open={sessionExpired}
      title={t("session.title")}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={null}
      destroyOnHidden
      data-testid="session-dialog"
    >
      <p>{t("session.text")}</p>
      <Form layout="vertical" onFinish={() => void submit()}>
        <Form.Item label={t("session.username")}>
          <Input value={username} disabled data-testid="session-username" />
        </Form.Item>
        <Form.Item label={t("session.password")} required>
          <Input.Password
            value={password}
            autoFocus
            autoComplete="current-password"
            onChange={(event) => setPassword(event.target.value)}
            data-testid="session-password"
          />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} className="session-error" />}
        <div className="session-actions">
          <Button onClick={switchAccount}>{t("session.other")}</Button>
          <Button
            type="primary"
            htmlType="submit"
            loading={busy}
            disabled={password === ""}
            data-testid="session-submit"
          >
            {t("session.submit")}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}
