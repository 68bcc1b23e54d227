import { useId, useMemo, useState } from "react";
import { Link } from "react-router";
import { matchesSearch } from "@ntm/domain";
import { useCommunes, useCriteria } from "./public-api.ts";
import { levelWords } from "./public-messages.ts";
import { DemoBanner, PublicFailed, PublicLoading } from "./public-layout.tsx";
import { dateVi, usePublicText } from "./public-text.ts";

/** A province has up to a few hundred xã: a phone shows them a page at a time. */
const pageSize = 40;

interface Row {
  code: string;
  name: string;
  recognition?: {
    level: string;
    year: number;
    decisionNumber: string;
    decisionDate: string;
  } | null;
  criteria?: { met: number; total: number };
}

/**
 * The province's communes of the year: the level recognised and its year where published, the
 * criteria met where published, searchable without diacritics.
 */
export function CommunesSection({
  provinceCode,
  year,
  recognitions,
  criteria,
}: {
  provinceCode: string;
  year: number;
  recognitions: boolean;
  criteria: boolean;
}) {
  const { text, language } = usePublicText();
  const [query, setQuery] = useState("");
  const [limit, setLimit] = useState(pageSize);
  const titleId = useId();
  const communes = useCommunes(provinceCode, year, recognitions);
  const results = useCriteria(provinceCode, year, criteria);
  const rows = useMemo(() => {
    const byCode = new Map<string, Row>();
    for (const commune of communes.data?.communes ?? []) byCode.set(commune.code, { ...commune });
    for (const commune of results.data?.communes ?? []) {
      const row = byCode.get(commune.code) ?? { code: commune.code, name: commune.name };
      row.criteria = { met: commune.criteriaMet, total: commune.criteriaTotal };
      byCode.set(commune.code, row);
    }
    return [...byCode.values()];
  }, [communes.data, results.data]);
  const matching = rows.filter((row) => matchesSearch(row.name, query));
  const shown = matching.slice(0, limit);
  const pending = (recognitions && communes.isPending) || (criteria && results.isPending);
  const failed = communes.isError || results.isError;
  return (
    <section className="pub-section" aria-labelledby={titleId} data-testid="public-communes">
      <h2 id={titleId}>{text("communes")}</h2>
      <DemoBanner show={Boolean(communes.data?.demo || results.data?.demo)} />
      <label className="pub-search">
        <span>{text("search")}</span>
        <input
          type="search"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          placeholder={text("searchHint")}
          data-testid="public-commune-search"
        />
      </label>
      {pending && <PublicLoading />}
      {failed && (
        <PublicFailed
          retry={() => {
            void communes.refetch();
            void results.refetch();
          }}
        />
      )}
      {!pending && (
        <p className="pub-muted" aria-live="polite">
          {text("found", { count: matching.length })}
        </p>
      )}
      <ul className="pub-list">
        {shown.map((row) => (
          <li key={row.code} className="pub-card" data-testid={`public-commune-${row.code}`}>
            {row.criteria ? (
              <Link
                to={`/cong-khai/${provinceCode}/xa/${row.code}?nam=${year}`}
                className="pub-card-title"
                aria-label={text("openCommune", { name: row.name })}
              >
                {row.name}
              </Link>
            ) : (
              <span className="pub-card-title">{row.name}</span>
            )}
            {recognitions &&
              (row.recognition ? (
                <span className="pub-badge pub-good">
                  <span aria-hidden>✓ </span>
                  {text("recognisedIn", {
                    level: levelWords[language][row.recognition.level] ?? row.recognition.level,
                    year: row.recognition.year,
                  })}
                </span>
              ) : (
                <span className="pub-badge pub-none">{text("notRecognised")}</span>
              ))}
            {recognitions && row.recognition && (
              <span className="pub-muted">
                {text("decisionRef", {
                  number: row.recognition.decisionNumber,
                  date: dateVi(row.recognition.decisionDate),
                })}
              </span>
            )}
            {criteria && (
              <span className="pub-muted">
                {row.criteria
                  ? text("criteriaMet", { met: row.criteria.met, total: row.criteria.total })
                  : text("noCriteria")}
              </span>
            )}
          </li>
        ))}
      </ul>
      {matching.length > shown.length && (
        <button
          type="button"
          className="pub-more"
          onClick={() => setLimit(limit + pageSize)}
          data-testid="public-communes-more"
        >
          {text("showMore", { count: Math.min(pageSize, matching.length - shown.length) })}
        </button>
      )}
    </section>
  );
}
