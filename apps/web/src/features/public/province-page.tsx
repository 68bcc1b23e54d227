import { Link, useParams, useSearchParams } from "react-router";
import type { PublicationKind } from "@ntm/domain";
import { useProvince } from "./public-api.ts";
import { kindNames } from "./public-messages.ts";
import { PublicFailed, PublicLayout, PublicLoading, PublicNotFound } from "./public-layout.tsx";
import { usePublicText } from "./public-text.ts";
import { CommunesSection } from "./communes-section.tsx";
import { DecisionsSection } from "./decisions-section.tsx";
import { TargetsSection } from "./targets-section.tsx";
import { PublicPostingsSlot } from "./public-postings-slot.tsx";

/** `/cong-khai/:code?nam=YYYY`: what a province published for a year, latest year first. */
export function ProvincePage() {
  const { code = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const { text, language } = usePublicText();
  const province = useProvince(code);
  if (province.isPending) {
    return (
      <PublicLayout>
        <PublicLoading />
      </PublicLayout>
    );
  }
  if (province.isError) {
    return (
      <PublicLayout>
        <PublicFailed retry={() => void province.refetch()} />
      </PublicLayout>
    );
  }
  if (!province.data) {
    return (
      <PublicLayout>
        <PublicNotFound />
      </PublicLayout>
    );
  }
  const { name } = province.data;
  // Postings are the dossiers open for comments now, not a year's results: no year button.
  const years = province.data.years
    .map((entry) => ({ ...entry, kinds: entry.kinds.filter((kind) => kind !== "postings") }))
    .filter((entry) => entry.kinds.length > 0);
  const postings = province.data.years.some((entry) => entry.kinds.includes("postings"));
  const asked = Number(search.get("nam"));
  const chosen = years.find((entry) => entry.year === asked) ?? years[0];
  if (!chosen) {
    return (
      <PublicLayout>
        <h1 className="pub-title" data-testid="public-province-name">
          {name}
        </h1>
        {postings && <PublicPostingsSlot provinceCode={code} />}
      </PublicLayout>
    );
  }
  const year = chosen.year;
  const has = (kind: PublicationKind) =>
    (chosen.kinds as readonly PublicationKind[]).includes(kind);
  return (
    <PublicLayout>
      <p className="pub-back">
        <Link to="/cong-khai">{text("backToProvinces")}</Link>
      </p>
      <h1 className="pub-title" data-testid="public-province-name">
        {name}
      </h1>
      <div className="pub-years" role="group" aria-label={text("year")}>
        {years.map((entry) => (
          <button
            key={entry.year}
            type="button"
            className="pub-year"
            aria-pressed={entry.year === year}
            onClick={() => setSearch({ nam: String(entry.year) })}
          >
            {entry.year}
          </button>
        ))}
      </div>
      <p className="pub-muted" data-testid="public-published-kinds">
        {text("published", {
          year,
          kinds: chosen.kinds.map((kind) => kindNames[language][kind]).join(", "),
        })}
      </p>
      {(has("communes") || has("criteria")) && (
        <CommunesSection
          provinceCode={code}
          year={year}
          recognitions={has("communes")}
          criteria={has("criteria")}
        />
      )}
      {has("decisions") && <DecisionsSection provinceCode={code} year={year} />}
      {has("targets") && <TargetsSection provinceCode={code} year={year} />}
      {postings && <PublicPostingsSlot provinceCode={code} />}
    </PublicLayout>
  );
}
