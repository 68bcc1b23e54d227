import type { CommuneListResponse } from "@ntm/contracts";
import { CloseOutlined } from "@ant-design/icons";
import { Button } from "antd";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import type { CommunesUrlState } from "./communes-url.ts";

type Removal = Partial<CommunesUrlState>;

interface FilterChipsProps {
  state: CommunesUrlState;
  list: CommuneListResponse | undefined;
  onRemove: (removal: Removal) => void;
}

/** The conditions of the list in words, each removable; what the figure clicked meant. */
export function FilterChips({ state, list, onRemove }: FilterChipsProps) {
  const { t } = useI18n();
  const chips: { key: string; label: string; removal: Removal }[] = [];
  const levelName = (code: string) =>
    t(code === "none" ? "level.none" : (`level.${code}` as "level.standard"));
  if (state.level) {
    chips.push({
      key: "level",
      label: t("lists.filter.level", { level: levelName(state.level) }),
      removal: { level: null },
    });
  }
  if (state.atLeast) {
    chips.push({
      key: "atLeast",
      label: t("lists.filter.atLeast", { level: levelName(state.atLeast) }),
      removal: { atLeast: null },
    });
  }
  if (state.criteriaMet !== null) {
    chips.push({
      key: "criteriaMet",
      label: t("lists.filter.criteriaMet", { n: state.criteriaMet }),
      removal: { criteriaMet: null },
    });
  }
  if (state.below !== null) {
    chips.push({
      key: "below",
      label: t("lists.filter.below", { n: state.below }),
      removal: { below: null },
    });
  }
  if (state.minCriteria !== null) {
    chips.push({
      key: "minCriteria",
      label: t("lists.filter.minCriteria", { n: state.minCriteria }),
      removal: { minCriteria: null },
    });
  }
  if (state.data) {
    chips.push({
      key: "data",
      label: t(state.data === "evaluated" ? "lists.filter.evaluated" : "lists.filter.missing"),
      removal: { data: null },
    });
  }
  if (state.criterion) {
    const code = list?.criterion
      ? `${list.criterion.code} – ${list.criterion.name}`
      : state.criterion;
    chips.push({
      key: "criterion",
      label: state.status
        ? t("lists.filter.criterionStatus", { code, status: t(`status.${state.status}`) })
        : t("lists.filter.criterion", { code }),
      removal: { criterion: "", status: null },
    });
  }
  if (state.target !== null) {
    chips.push({
      key: "target",
      label: t("lists.filter.target", { name: list?.target?.name ?? `#${state.target}` }),
      removal: { target: null },
    });
  }
  if (chips.length === 0) return <p className="page-meta">{t("lists.noFilter")}</p>;
  return (
    <div className="filter-row communes-filters" data-testid="communes-filters">
      <span className="communes-filters-label">{t("lists.filters")}:</span>
      {chips.map((chip) => (
        <Button
          key={chip.key}
          className="communes-filter"
          icon={<CloseOutlined aria-hidden />}
          iconPlacement="end"
          aria-label={t("lists.remove", { label: chip.label })}
          onClick={() => onRemove({ ...chip.removal, page: 1 })}
          data-testid={`communes-filter-${chip.key}`}
        >
          {chip.label}
        </Button>
      ))}
      {chips.length > 1 && (
        <Button
          onClick={() => onRemove(Object.assign({ page: 1 }, ...chips.map((chip) => chip.removal)))}
        >
          {t("lists.clearAll")}
        </Button>
      )}
    </div>
  );
}
