import { Menu } from "antd";
import { useLocation, useNavigate } from "react-router";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { navItems } from "../nav-items.tsx";

/** The sections of the app; collapses into a "more" menu on narrow screens. */
export function SectionNav() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const matching = navItems
    .filter((item) => item.path !== "/")
    .find((item) => pathname === item.path || pathname.startsWith(`${item.path}/`));
  const underUnits = pathname === "/" || pathname.startsWith("/units");
  const active = matching?.path ?? (underUnits ? "/" : undefined);
  return (
    <nav aria-label={t("nav.label")} className="section-nav">
      <Menu
        mode="horizontal"
        selectedKeys={active ? [active] : []}
        items={navItems.map((item) => ({ key: item.path, icon: item.icon, label: t(item.label) }))}
        onClick={({ key }) => void navigate(key)}
        data-testid="section-nav"
      />
    </nav>
  );
}
