import type { CurrentUser } from "@ntm/contracts";
import { defaultBelow } from "../features/overview/overview-defaults.ts";
import { showHeadlineFrom } from "../features/scorecard/first-headline.tsx";
import { setVersionOf, setVersionPath } from "../features/scorecard/set-version-path.ts";
import { apiPath, peekEarly, requestEarly } from "../lib/api-client.ts";
import { asOfForYear, initialYear, shareYear } from "../lib/year-context.tsx";

/** What the first page needs, started together as soon as the session is known. */
export interface RoutePrefetch {
  /** The page's code (the same imports as its lazy route, so the route finds them loaded). */
  code: (() => Promise<unknown>)[];
  /** The page's first API requests, exactly as the page makes them. */
  answers: string[];
  /** The answer whose headline is drawn before the page's code has arrived. */
  headline?: string;
}

const pages = {
  home: () => import("../features/tasks/home-page.tsx"),
  scorecard: () => import("../features/scorecard/scorecard-page.tsx"),
  overview: () => import("../features/overview/overview-page.tsx"),
  targets: () => import("../features/targets/targets-page.tsx"),
  reports: () => import("../features/reports/reports-page.tsx"),
  dossierBoard: () => import("../features/dossiers/dossier-board-page.tsx"),
  dossier: () => import("../features/dossiers/dossier-page.tsx"),
};

const unitPath = (code: string) => `/api/units/${encodeURIComponent(code)}`;

function isCommune(level: string) {
  return level === "commune" || level === "village";
}

/**
 * The page at `pathname` for this user and year. A unit page is a scorecard or an overview
 * depending on the unit's level, known in advance only for the user's own unit.
 */
type SessionHint = Pick<CurrentUser, "unitCode" | "unitLevel" | "role">;

export function planRoute(pathname: string, user: SessionHint, year: number): RoutePrefetch {
  const [section, rawCode] = pathname.split("/").filter(Boolean);
  const code = rawCode === undefined ? undefined : decodeURIComponent(rawCode);
  if (section === undefined) return { code: [pages.home], answers: ["/api/me/tasks"] };
  if (section === "units" && code) {
    const detail = apiPath(unitPath(code), { asOf: asOfForYear(year) });
    if (code !== user.unitCode) return { code: [], answers: [detail] };
    const scorecard = apiPath(`${unitPath(code)}/scorecard`, { year });
    return isCommune(user.unitLevel)
      ? { code: [pages.scorecard], answers: [detail, scorecard], headline: scorecard }
      : {
          code: [pages.overview],
          answers: [detail, apiPath(`${unitPath(code)}/summary`, { year, below: defaultBelow })],
        };
  }
  if (section === "targets" && user.role !== "department") {
    const target = code ?? user.unitCode;
    return {
      // The map's code (the chart library) loads once the targets are drawn: before, it would
      // share the slow link with the code of what the page shows first. Its data is small.
      code: [pages.targets],
      answers: [
        apiPath(`${unitPath(target)}/dashboard`, { year }),
        apiPath(`${unitPath(target)}/map`, { year, show: "communes" }),
      ],
    };
  }
  if (section === "reports") return { code: [pages.reports], answers: [] };
  if (section === "dossiers" && code && /^\d+$/.test(code)) {
    return { code: [pages.dossier], answers: [] };
  }
  if (section === "dossiers" && !code) return { code: [pages.dossierBoard], answers: [] };
  return { code: [], answers: [] };
}

/** What a prefetch needs from the session's answer, read before the answer's schema has loaded. */
function sessionHint(answer: unknown): SessionHint | null {
  if (typeof answer !== "object" || answer === null) return null;
  const { unitCode, unitLevel, role } = answer as Record<string, unknown>;
  if (typeof unitCode !== "string" || typeof unitLevel !== "string" || typeof role !== "string") {
    return null;
  }
  return { unitCode, unitLevel, role: role as CurrentUser["role"] };
}

let started = false;

/**
 * The first screen of a visit with a session: its code and its first requests start together,
 * as soon as the session shows, instead of one after the other.
 */
export function prefetchFirstRoute(sessionAnswer: unknown) {
  const hint = sessionHint(sessionAnswer);
  if (started || !hint) return;
  started = true;
  const { pathname } = window.location;
  const year = initialYear();
  shareYear(year);
  const plan = planRoute(pathname, hint, year);
  for (const path of plan.answers) requestEarly(path);
  for (const load of plan.code) void load().catch(() => undefined);
  const headline = plan.headline && peekEarly(plan.headline);
  if (!headline) return;
  showHeadlineFrom(headline, pathname, year);
  // The set version that explains the scorecard, on its way while the page's code loads.
  void headline.then((answer) => {
    const id = setVersionOf(answer);
    if (id !== null) requestEarly(setVersionPath(id));
  });
}
