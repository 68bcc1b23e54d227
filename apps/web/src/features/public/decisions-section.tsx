import { useId } from "react";
import { useDecisions } from "./public-api.ts";
import { levelWords } from "./public-messages.ts";
import { DemoBanner, PublicFailed, PublicLoading } from "./public-layout.tsx";
import { dateVi, usePublicText } from "./public-text.ts";

/** The recognition decisions in force at the year's end and those revoked during it. */
export function DecisionsSection({ provinceCode, year }: { provinceCode: string; year: number }) {
  const { text, language } = usePublicText();
  const titleId = useId();
  const decisions = useDecisions(provinceCode, year, true);
  return (
    <section className="pub-section" aria-labelledby={titleId} data-testid="public-decisions">
      <h2 id={titleId}>{text("decisions")}</h2>
      <DemoBanner show={Boolean(decisions.data?.demo)} />
      {decisions.isPending && <PublicLoading />}
      {decisions.isError && <PublicFailed retry={() => void decisions.refetch()} />}
      {decisions.data?.decisions.length === 0 && <p>{text("noDecisions")}</p>}
      <ul className="pub-list">
        {decisions.data?.decisions.map((decision) => (
          <li
            key={`${decision.kind}-${decision.unitCode}-${decision.decisionNumber}`}
            className="pub-card"
          >
            <span className="pub-card-title">
              {decision.kind === "revocation" ? text("revocation") : text("recognition")}:{" "}
              {decision.unitName}
            </span>
            <span>{levelWords[language][decision.level] ?? decision.levelName}</span>
            <span className="pub-muted">
              {text("decisionRef", {
                number: decision.decisionNumber,
                date: dateVi(decision.decisionDate),
              })}
            </span>
            {decision.pdfUrl ? (
              <a href={decision.pdfUrl} className="pub-pdf" data-testid="public-decision-pdf">
                {text("downloadPdf")}
              </a>
            ) : (
              <span className="pub-muted">{text("noPdf")}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
