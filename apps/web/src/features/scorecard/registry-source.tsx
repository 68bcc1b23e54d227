import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useScorecardContext } from "./scorecard-context.tsx";

/** "Lấy từ sổ thôn": a value the villages the commune recognised make, never typed. */
export function RegistrySource({ indicatorCode }: { indicatorCode: string }) {
  const { t } = useI18n();
  const { scorecard } = useScorecardContext();
  const source = scorecard.sourced?.[indicatorCode];
  if (!source) return null;
  return (
    <span className="registry-source" data-testid={`registry-source-${indicatorCode}`}>
      {t("indicator.villageRegistry", { set: source.setName })}
    </span>
  );
}
