import { useId } from "react";
import { useTargets } from "./public-api.ts";
import { targetStatusWords } from "./public-messages.ts";
import { DemoBanner, PublicFailed, PublicLoading } from "./public-layout.tsx";
import { usePublicText } from "./public-text.ts";

const statusIcons = { met: "✓", onTrack: "✓", atRisk: "!", offTrack: "✗", noData: "–" } as const;

/** The province's targets and their status, in the UX guide's words and colours. */
export function TargetsSection({ provinceCode, year }: { provinceCode: string; year: number }) {
  const { text, language } = usePublicText();
  const titleId = useId();
  const targets = useTargets(provinceCode, year, true);
  const number = new Intl.NumberFormat(language === "en" ? "en-GB" : "vi-VN", {
    maximumFractionDigits: 1,
  });
  return (
    <section className="pub-section" aria-labelledby={titleId} data-testid="public-targets">
      <h2 id={titleId}>{text("targets")}</h2>
      <DemoBanner show={Boolean(targets.data?.demo)} />
      {targets.isPending && <PublicLoading />}
      {targets.isError && <PublicFailed retry={() => void targets.refetch()} />}
      {targets.data?.targets.length === 0 && <p>{text("noTargets")}</p>}
      <ul className="pub-list">
        {targets.data?.targets.map((target) => (
          <li key={target.id} className="pub-card">
            <span className="pub-card-title">{target.name}</span>
            <span className={`pub-badge pub-status-${target.status}`}>
              <span aria-hidden>{statusIcons[target.status]} </span>
              {targetStatusWords[language][target.status]}
            </span>
            <span className="pub-muted">
              {text("actual", {
                actual: target.actual === null ? "–" : number.format(target.actual),
                target: number.format(target.target),
                unit: target.unit,
              })}
            </span>
            <span className="pub-muted">
              {target.unitName} · {text("deadline", { year: target.deadlineYear })}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
