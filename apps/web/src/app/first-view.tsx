import type { ReactNode } from "react";
import { FirstFigures, useFirstFigures } from "../features/overview/first-figures.tsx";
import { FirstHeadline, useFirstHeadline } from "../features/scorecard/first-headline.tsx";
import { FirstTargets, useFirstTargets } from "../features/targets/first-targets.tsx";

/**
 * What the first script drew for the page at `pathname` from its early answer (a scorecard's
 * headline, an overview's figures, a dashboard's targets), or null.
 */
export function useFirstView(pathname: string): ReactNode {
  const headline = useFirstHeadline(pathname);
  const figures = useFirstFigures(pathname);
  const targets = useFirstTargets(pathname);
  if (headline) return <FirstHeadline headline={headline} />;
  if (figures) return <FirstFigures figures={figures} />;
  if (targets) return <FirstTargets figures={targets} />;
  return null;
}
