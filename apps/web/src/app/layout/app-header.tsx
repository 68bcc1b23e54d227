import {
  ApartmentOutlined,
  BookOutlined,
  GlobalOutlined,
  KeyOutlined,
  LogoutOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Button, Dropdown } from "antd";
import { useId } from "react";
import { Link, useNavigate } from "react-router";
import { LanguageSwitch } from "../../components/language-switch.tsx";
import { useCurrentUser, useLogout } from "../../features/auth/index.ts";
import { clearOfflineData } from "../../features/offline/register-service-worker.ts";
import { TaskCounter } from "../../features/tasks/index.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useYear, years } from "../../lib/year-context.tsx";

interface AppHeaderProps {
  showPickerButton: boolean;
  onOpenPicker: () => void;
}

export function AppHeader({ showPickerButton, onOpenPicker }: AppHeaderProps) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <div className="app-header-brand">
        {showPickerButton && (
          <Button
            icon={<ApartmentOutlined aria-hidden />}
            onClick={onOpenPicker}
            className="header-button"
            data-testid="open-unit-picker"
          >
            {t("header.chooseUnit")}
          </Button>
        )}
        <Link to="/" className="brand-link">
          <span className="brand-mark" aria-hidden>
            N
          </span>
          <span className="brand-name">{t("app.name")}</span>
        </Link>
      </div>
      <div className="app-header-tools">
        <TaskCounter />
        <YearSelect />
        <LanguageSwitch />
        <UserBox />
      </div>
    </header>
  );
}

function YearSelect() {
  const { t } = useI18n();
  const { year, setYear } = useYear();
  const id = useId();
  return (
    <div className="header-field">
      <label htmlFor={id} className="header-label">
        {t("header.year")}
      </label>
      {/* A native select: the phone's own picker, and nothing to load. */}
      <select
        id={id}
        className="year-select"
        value={year}
        onChange={(event) => setYear(Number(event.target.value))}
        data-testid="year-select"
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

function UserBox() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const logout = useLogout();
  const navigate = useNavigate();
  const user = me.data;
  if (!user) return null;
  return (
    <div className="header-user">
      <span className="header-user-text" data-testid="current-user">
        <span className="header-user-name">{user.displayName}</span>
        <span className="header-user-role">
          {t(`role.${user.role}`)}
          {user.departmentName ? ` · ${user.departmentName}` : ""}
        </span>
      </span>
      <Dropdown
        trigger={["click"]}
        menu={{
          items: [
            {
              key: "password",
              icon: <KeyOutlined aria-hidden />,
              label: <Link to="/account/password">{t("password.nav")}</Link>,
            },
            {
              key: "catalog",
              icon: <BookOutlined aria-hidden />,
              label: <Link to="/catalog">{t("catalog.nav")}</Link>,
            },
            ...(user.permissions["publication.set"]
              ? [
                  {
                    key: "publication",
                    icon: <GlobalOutlined aria-hidden />,
                    label: <Link to="/publication">{t("publication.nav")}</Link>,
                  },
                ]
              : []),
            {
              key: "admin-units",
              icon: <ApartmentOutlined aria-hidden />,
              label: <Link to="/admin-units">{t("unitAdmin.nav")}</Link>,
            },
            ...(user.permissions["job.read"]
              ? [
                  {
                    key: "admin-jobs",
                    icon: <ScheduleOutlined aria-hidden />,
                    label: <Link to="/admin-jobs">{t("jobs.nav")}</Link>,
                  },
                ]
              : []),
            ...(user.permissions["user.create"]
              ? [
                  {
                    key: "accounts",
                    icon: <TeamOutlined aria-hidden />,
                    label: <Link to="/accounts">{t("accounts.nav")}</Link>,
                  },
                ]
              : []),
          ],
        }}
      >
        <Button
          icon={<UserOutlined aria-hidden />}
          className="header-button"
          data-testid="account-menu"
        >
          {t("header.account")}
        </Button>
      </Dropdown>
      <Button
        icon={<LogoutOutlined aria-hidden />}
        loading={logout.isPending}
        onClick={() =>
          logout.mutate(undefined, {
            onSettled: () => {
              void clearOfflineData();
              void navigate("/login", { replace: true });
            },
          })
        }
        className="header-button"
        data-testid="logout"
      >
        {t("header.logout")}
      </Button>
    </div>
  );
}
