import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { errorMessage } from "../../lib/api-client.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { login, meQueryKey } from "./auth-api.ts";
import "./login.css";

type Field = "username" | "password";

/**
 * The first screen of every visit without a session. Plain elements and its own small style
 * sheet: it is in the first script the browser loads, before the component library.
 */
export function LoginPage() {
  const { t } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [missing, setMissing] = useState<Set<Field>>(new Set());
  const mutation = useMutation({
    mutationFn: login,
    // The page behind the login follows once the session exists.
    onSuccess: (user) => queryClient.setQueryData(meQueryKey, user),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const empty = new Set<Field>();
    if (!username.trim()) empty.add("username");
    if (!password) empty.add("password");
    setMissing(empty);
    if (empty.size > 0) {
      document.getElementById(`${id}-${[...empty][0]}`)?.focus();
      return;
    }
    mutation.mutate({ username: username.trim(), password });
  };

  const fieldProps = (field: Field) => ({
    id: `${id}-${field}`,
    "aria-invalid": missing.has(field) || undefined,
    "aria-describedby": missing.has(field) ? `${id}-${field}-error` : undefined,
  });
  const busy = mutation.isPending;

  return (
    <main className="login-screen" id="main">
      <div className="login-language">
        <LanguageSwitch />
      </div>
      <div className="login-card">
        <div className="login-brand">
          <span className="brand-mark" aria-hidden>
            N
          </span>
          <div>
            <h1 className="login-product">{t("app.name")}</h1>
            <p className="login-muted">{t("app.tagline")}</p>
          </div>
        </div>
        <h2 className="login-title">{t("login.title")}</h2>
        <p className="login-muted">{t("login.subtitle")}</p>
        {mutation.isError && (
          <div className="login-error" data-testid="login-error" role="alert">
            {errorMessage(mutation.error)}
          </div>
        )}
        <form noValidate onSubmit={submit} aria-busy={busy}>
          <div className="login-field">
            <label htmlFor={`${id}-username`}>{t("login.username")}</label>
            <input
              {...fieldProps("username")}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              autoFocus
              value={username}
              disabled={busy}
              onChange={(event) => setUsername(event.target.value)}
              data-testid="login-username"
            />
            {missing.has("username") && (
              <p className="login-field-error" id={`${id}-username-error`}>
                {t("login.usernameRequired")}
              </p>
            )}
          </div>
          <div className="login-field">
            <label htmlFor={`${id}-password`}>{t("login.password")}</label>
            <div className="login-password">
              <input
                {...fieldProps("password")}
                name="password"
                type={showPassword ? "text" : "password"}
                autoComplete="current-password"
                value={password}
                disabled={busy}
                onChange={(event) => setPassword(event.target.value)}
                data-testid="login-password"
              />
              <button
                type="button"
                className="login-reveal"
                aria-pressed={showPassword}
                aria-label={t("login.showPassword")}
                onClick={() => setShowPassword((shown) => !shown)}
              >
                <EyeIcon crossed={!showPassword} />
              </button>
            </div>
            {missing.has("password") && (
              <p className="login-field-error" id={`${id}-password-error`}>
                {t("login.passwordRequired")}
              </p>
            )}
          </div>
          <button type="submit" className="login-submit" disabled={busy} data-testid="login-submit">
            {busy && <span className="login-spinner" aria-hidden />}
            {t("login.submit")}
          </button>
        </form>
      </div>
    </main>
  );
}

function EyeIcon({ crossed }: { crossed: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden focusable="false">
      <path
        d="M2 12s3.6-7 10-7 10 7 10 7-3.6 7-10 7S2 12 2 12Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
      />
      <circle cx="12" cy="12" r="3" fill="none" stroke="currentColor" strokeWidth="1.8" />
      {crossed && <path d="M4 20 20 4" stroke="currentColor" strokeWidth="1.8" />}
    </svg>
  );
}
