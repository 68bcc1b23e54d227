import { Link, useParams, useSearchParams } from "react-router";
import { useCommuneCriteria } from "./public-api.ts";
import {
  DemoBanner,
  PublicFailed,
  PublicLayout,
  PublicLoading,
  PublicNotFound,
} from "./public-layout.tsx";
import { usePublicText } from "./public-text.ts";

const statusIcons = { met: "✓", not_met: "✗", missing: "–" } as const;

/** `/cong-khai/:code/xa/:commune?nam=YYYY`: one commune's criteria, met or not, in the year. */
export function CommunePage() {
  const { code = "", commune = "" } = useParams();
  const [search] = useSearchParams();
  const year = Number(search.get("nam"));
  const { text } = usePublicText();
  const criteria = useCommuneCriteria(code, year, commune);
  const back = (
    <p className="pub-back">
      <Link to={`/cong-khai/${code}?nam=${year}`}>{text("backToProvince")}</Link>
    </p>
  );
  if (criteria.isPending) {
    return (
      <PublicLayout>
        {back}
        <PublicLoading />
      </PublicLayout>
    );
  }
  if (criteria.isError) {
    return (
      <PublicLayout>
        {back}
        <PublicFailed retry={() => void criteria.refetch()} />
      </PublicLayout>
    );
  }
  if (!criteria.data) {
    return (
      <PublicLayout>
        {back}
        <PublicNotFound />
      </PublicLayout>
    );
  }
  const data = criteria.data;
  const words = { met: text("met"), not_met: text("notMet"), missing: text("missing") };
  return (
    <PublicLayout>
      {back}
      <h1 className="pub-title" data-testid="public-commune-name">
        {data.name}
      </h1>
      <DemoBanner show={data.demo} />
      <p className="pub-headline">
        {text("criteriaMet", { met: data.criteriaMet, total: data.criteriaTotal })}
      </p>
      <p className="pub-muted">{text("setName", { name: data.setName })}</p>
      <section className="pub-section" aria-label={text("criteria", { year: data.year })}>
        <h2>{text("criteria", { year: data.year })}</h2>
        <ul className="pub-list" data-testid="public-commune-criteria">
          {data.criteria.map((criterion) => (
            <li key={criterion.code} className="pub-row">
              <span>
                {criterion.code}. {criterion.name}
              </span>
              <span className={`pub-badge pub-criterion-${criterion.status}`}>
                <span aria-hidden>{statusIcons[criterion.status]} </span>
                {words[criterion.status]}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </PublicLayout>
  );
}
