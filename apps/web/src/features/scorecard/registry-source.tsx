import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { registrySourceText } from "./registry-source-text.ts";
import { useScorecardContext } from "./scorecard-context.tsx";

/** A registry-sourced value's origin under it on the scorecard. */
export function RegistrySource({ indicatorCode }: { indicatorCode: string }) {
  const { t } = useI18n();
  const { scorecard } = useScorecardContext();
  const source = scorecard.sourced?.[indicatorCode];
  if (!source) return null;
  return (
    <span className="registry-source" data-testid={`registry-source-${indicatorCode}`}>
      {registrySourceText(source, t)}
    </span>
  );
}
