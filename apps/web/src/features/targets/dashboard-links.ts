import type { Translate } from "../../lib/i18n/i18n-context.tsx";

/** A link of the dashboard's actions row, the same for the first view and the page. */
export interface DashboardLink {
  kind: "compare" | "rollup" | "departments";
  to: string;
  label: string;
  testId?: string;
}

/** A commune's dashboard links to its comparison over time, a unit above to next year's roll-up. */
export function dashboardLinks(
  unit: { code: string; level: string },
  year: number,
  t: Translate,
): DashboardLink[] {
  const code = encodeURIComponent(unit.code);
  const links: DashboardLink[] =
    unit.level === "commune"
      ? [{ kind: "compare", to: `/compare/${code}`, label: t("targets.compare.open") }]
      : [
          {
            kind: "rollup",
            to: `/plans/${code}/${year + 1}/rollup`,
            label: t("targets.rollup.open", { year: year + 1 }),
            testId: "rollup-link",
          },
        ];
  if (unit.level === "province") {
    links.push({
      kind: "departments",
      to: "/departments",
      label: t("targets.department.open"),
      testId: "departments-link",
    });
  }
  return links;
}

/** Only units above a commune set targets of their own. */
export const setsTargets = (level: string) => level !== "commune" && level !== "village";
