import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useScorecardContext } from "./scorecard-context.tsx";

/**
 * "Lấy từ sổ thôn" / "Lấy từ sổ sản phẩm OCOP": a value a registry makes (the villages the commune
 * recognised, the province's OCOP products), never typed.
 */
export function RegistrySource({ indicatorCode }: { indicatorCode: string }) {
  const { t } = useI18n();
  const { scorecard } = useScorecardContext();
  const source = scorecard.sourced?.[indicatorCode];
  if (!source) return null;
  return (
    <span className="registry-source" data-testid={`registry-source-${indicatorCode}`}>
      {source.kind === "villageRegistry"
        ? t("indicator.villageRegistry", { set: source.setName })
        : t("indicator.ocopRegistry", { stars: source.minStars })}
    </span>
  );
}
