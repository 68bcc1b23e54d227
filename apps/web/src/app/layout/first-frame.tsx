import { roleNames, type Role } from "@ntm/domain";
import { useSyncExternalStore, type ReactNode } from "react";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { sessionSeen } from "../../features/auth/index.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { initialYear, useYear, years } from "../../lib/year-context.tsx";
import "../../features/tasks/task-counter.css";
import "../first-paint.css";
import "./first-frame.css";

/** The year the first requests were made for: a first view drawn from them belongs to it. */
export const openedYear = initialYear();

/** Who is signed in, read from the session's answer before its schema has loaded. */
interface SessionUser {
  displayName: string;
  role: Role;
  departmentName: string | null;
  /** The policy's answer for the user's own scope, for the controls a first view keeps a place for. */
  permissions: Record<string, boolean>;
}

let sessionUser: SessionUser | null = null;
const listeners = new Set<() => void>();

function userOf(answer: unknown): SessionUser | null {
  if (typeof answer !== "object" || answer === null) return null;
  const { displayName, role, departmentName, permissions } = answer as Record<string, unknown>;
  const known = (Object.keys(roleNames) as Role[]).find((candidate) => candidate === role);
  if (typeof displayName !== "string" || !known) return null;
  return {
    displayName,
    role: known,
    departmentName: typeof departmentName === "string" ? departmentName : null,
    permissions:
      typeof permissions === "object" && permissions !== null
        ? (permissions as Record<string, boolean>)
        : {},
  };
}

void sessionSeen.then((answer) => {
  sessionUser = userOf(answer);
  for (const listener of listeners) listener();
});

const readSessionUser = () => sessionUser;

export function useSessionUser(): SessionUser | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    readSessionUser,
    readSessionUser,
  );
}

// The component library's "lg" breakpoint, where the layout shows the unit tree beside the page.
const wideQuery = "(min-width: 992px)";

const readWide = () => window.matchMedia(wideQuery).matches;

function useWide(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(wideQuery);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    readWide,
    readWide,
  );
}

/** Where a button's icon goes once the component library has drawn it. */
const iconPlace = <span className="first-icon" aria-hidden />;

/**
 * The application's header, section bar and unit tree's column, drawn by the first script around
 * a page's first view in the same boxes as the application draws them (layout/app-layout.tsx), so
 * nothing moves when it takes over. The controls that need the application wait for it.
 */
export function FirstFrame({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const wide = useWide();
  const user = useSessionUser();
  return (
    <div className="app-shell first-frame" aria-busy="true">
      <header className="app-header">
        <div className="app-header-brand">
          {!wide && (
            <button type="button" className="first-button" disabled>
              {iconPlace}
              <span>{t("header.chooseUnit")}</span>
            </button>
          )}
          <a href="/" className="brand-link">
            <span className="brand-mark" aria-hidden>
              N
            </span>
            <span className="brand-name">{t("app.name")}</span>
          </a>
        </div>
        <div className="app-header-tools">
          <a href="/" className="task-counter">
            {iconPlace}
            <span className="task-counter-label">{t("home.nav")}</span>
            <span className="task-counter-badge task-counter-badge-waiting" aria-hidden>
              0
            </span>
          </a>
          <YearField />
          <LanguageSwitch />
          {user && (
            <div className="header-user">
              <span className="header-user-text">
                <span className="header-user-name">{user.displayName}</span>
                <span className="header-user-role">
                  {t(`role.${user.role}`)}
                  {user.departmentName ? ` · ${user.departmentName}` : ""}
                </span>
              </span>
              <button type="button" className="first-button" disabled>
                {iconPlace}
                <span>{t("header.account")}</span>
              </button>
              <button type="button" className="first-button" disabled>
                {iconPlace}
                <span>{t("header.logout")}</span>
              </button>
            </div>
          )}
        </div>
      </header>
      <div className="section-nav first-section-nav" />
      <div className="first-body">
        {wide && <div className="app-sider first-sider" />}
        <main id="main" className="app-content first-content">
          {children}
        </main>
      </div>
    </div>
  );
}

/** The header's year, as the application's: changing it drops the first view (of another year). */
function YearField() {
  const { t } = useI18n();
  const { year, setYear } = useYear();
  return (
    <div className="header-field">
      <label htmlFor="first-year" className="header-label">
        {t("header.year")}
      </label>
      <select
        id="first-year"
        className="year-select"
        value={year}
        onChange={(event) => setYear(Number(event.target.value))}
      >
        {years.map((value) => (
          <option key={value} value={value}>
            {value}
          </option>
        ))}
      </select>
    </div>
  );
}
