import { Link } from "react-router";

export function CommuneLink({ code, name }: { code: string; name: string }) {
  return <Link to={`/units/${encodeURIComponent(code)}`}>{name}</Link>;
}
