import { Link } from "react-router";
import { useProvinces } from "./public-api.ts";
import { PublicFailed, PublicLayout, PublicLoading } from "./public-layout.tsx";
import { usePublicText } from "./public-text.ts";

/** `/cong-khai`: the provinces that publish something. */
export function ProvinceListPage() {
  const { text } = usePublicText();
  const provinces = useProvinces();
  return (
    <PublicLayout>
      <h1 className="pub-title">{text("provinces")}</h1>
      <p className="pub-muted">{text("subtitle")}</p>
      {provinces.isPending && <PublicLoading />}
      {provinces.isError && <PublicFailed retry={() => void provinces.refetch()} />}
      {provinces.data && provinces.data.provinces.length === 0 && <p>{text("noProvinces")}</p>}
      <ul className="pub-list">
        {provinces.data?.provinces.map((province) => (
          <li key={province.code} className="pub-card">
            <Link to={`/cong-khai/${province.code}`} className="pub-card-title">
              {province.name}
            </Link>
            <span className="pub-muted">
              {text("yearsPublished", { years: province.years.join(", ") })}
            </span>
          </li>
        ))}
      </ul>
    </PublicLayout>
  );
}
