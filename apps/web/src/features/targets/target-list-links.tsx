import type { TargetWithProgress } from "@ntm/contracts";
import { UnorderedListOutlined } from "@ant-design/icons";
import { Link } from "react-router";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { communesLink, type CommunesFilter } from "../communes/index.ts";

/**
 * The filter that lists the communes a target's actual counts, where a plain filter of the unit's
 * communes gives exactly them: a target over a named set of communes, or one leaving out those
 * already recognised, counts communes no filter of the unit can pick out.
 */
function countedFilter({
  target,
  progress,
}: Pick<TargetWithProgress, "target" | "progress">): CommunesFilter | null {
  if (target.communeCodes !== null || target.excludeRecognised) return null;
  if (target.kind === "communesAtLevel" && target.level) return { atLeast: target.level };
  if (target.kind === "minCriteria" && progress.unit === "xã") return { minCriteria: target.value };
  return null;
}

/**
 * Links from a target's figures to the communes behind them, among the communes of the target's
 * own unit: those its actual counts and those it finds behind.
 */
export function TargetListLinks({
  item,
}: {
  item: Pick<TargetWithProgress, "target" | "progress">;
}) {
  const { t, language } = useI18n();
  const counted = countedFilter(item);
  const { progress } = item;
  const unit = item.target.unitCode;
  if (progress.actual === null) return null;
  return (
    <p className="target-list-links">
      {counted && (
        <Link
          to={communesLink(unit, progress.year, counted)}
          data-testid={`target-${item.target.id}-counted`}
        >
          <UnorderedListOutlined aria-hidden /> {t("lists.targetCounted")}
        </Link>
      )}
      {progress.behind.length > 0 && (
        <Link
          to={communesLink(unit, progress.year, { target: item.target.id })}
          data-testid={`target-${item.target.id}-behind`}
        >
          <UnorderedListOutlined aria-hidden />{" "}
          {t("lists.targetBehind", { count: formatNumber(progress.behind.length, language) })}
        </Link>
      )}
    </p>
  );
}
