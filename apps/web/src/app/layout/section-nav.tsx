import { Menu } from "antd";
import { useLocation, useNavigate } from "react-router";
import { useCurrentUser } from "../../features/auth/index.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { navItems } from "../nav-items.tsx";

/** The sections of the app; collapses into a "more" menu on narrow screens. */
export function SectionNav() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const me = useCurrentUser().data;
  const matching = navItems
    .filter((item) => item.path !== "/")
    .find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
  const active = matching?.path ?? (pathname === "/" ? "/" : undefined);
  return (
    <nav aria-label={t("nav.label")} className="section-nav">
      <Menu
        mode="horizontal"
        selectedKeys={active ? [active] : []}
        items={navItems
          .filter((item) => !item.permission || me?.permissions[item.permission])
          .map((item) => ({ key: item.path, icon: item.icon, label: t(item.label) }))}
        onClick={({ key }) => void navigate(key)}
        data-testid="section-nav"
      />
    </nav>
  );
}
