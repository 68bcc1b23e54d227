import { useLocation } from "react-router";
import { PageLoading } from "../components/page-loading.tsx";
import { useYear } from "../lib/year-context.tsx";
import { useFirstView } from "./first-view.tsx";
import { openedYear } from "./layout/first-frame.tsx";

/**
 * While a page's code loads: what the first script drew for it, else the loading state. The
 * first view belongs to the year the app opened with; once another is chosen it is not shown.
 */
export function FirstViewOrLoading() {
  const view = useFirstView(useLocation().pathname);
  const { year } = useYear();
  return (year === openedYear ? view : null) ?? <PageLoading />;
}
