import { useLocation } from "react-router";
import { PageLoading } from "../components/page-loading.tsx";
import { useFirstView } from "./first-view.tsx";

/** While a page's code loads: what the first script drew for it, else the loading state. */
export function FirstViewOrLoading() {
  const view = useFirstView(useLocation().pathname);
  return view ?? <PageLoading />;
}
