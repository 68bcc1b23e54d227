import type { CurrentUser } from "@ntm/contracts";
import { showFiguresFrom } from "../features/overview/first-figures.tsx";
import { defaultBelow } from "../features/overview/overview-defaults.ts";
import { showHeadlineFrom } from "../features/scorecard/first-headline.tsx";
import { setVersionOf, setVersionPath } from "../features/scorecard/set-version-path.ts";
import { showTargetsFrom } from "../features/targets/first-targets.tsx";
import { apiPath, peekEarly, requestEarly } from "../lib/api-client.ts";
import { asOfForYear, initialYear, shareYear } from "../lib/year-context.tsx";

/** What the first page needs, started together as soon as the session is known. */
export interface RoutePrefetch {
  /** The page's code (the same imports as its lazy route, so the route finds them loaded). */
  code: (() => Promise<unknown>)[];
  /** The page's first API requests, exactly as the page makes them. */
  answers: string[];
  /** The answer whose headline is drawn before the page's code has arrived. */
  headline?: Headline;
}

/** A page's headline: the answer it is drawn from (an overview's also names its unit's path). */
type Headline =
  | { page: "scorecard" | "targets"; path: string }
  | { page: "overview"; path: string; detail: string };

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
    if (isCommune(user.unitLevel)) {
      const scorecard = apiPath(`${unitPath(code)}/scorecard`, { year });
      return {
        code: [pages.scorecard],
        answers: [detail, scorecard],
        headline: { path: scorecard, page: "scorecard" },
      };
    }
    const summary = apiPath(`${unitPath(code)}/summary`, { year, below: defaultBelow });
    return {
      code: [pages.overview],
      answers: [detail, summary],
      headline: { path: summary, page: "overview", detail },
    };
  }
  if (section === "targets" && user.role !== "department") {
    const target = code ?? user.unitCode;
    const dashboard = apiPath(`${unitPath(target)}/dashboard`, { year });
    return {
      // The map's code (the chart library) loads once the targets are drawn: before, it would
      // share the slow link with the code of what the page shows first. Its data is small.
      code: [pages.targets],
      answers: [dashboard, apiPath(`${unitPath(target)}/map`, { year, show: "communes" })],
      // Drawn at /targets/CODE only: /targets first sends the user on to it.
      ...(code === undefined ? {} : { headline: { path: dashboard, page: "targets" as const } }),
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
  if (plan.headline && !otherYearAsked(year)) drawHeadline(plan.headline, pathname, year);
}

/** The address names a year (`?year=`) other than the one the first requests were made for. */
function otherYearAsked(year: number): boolean {
  const asked = new URLSearchParams(window.location.search ?? "").get("year");
  return asked !== null && asked !== String(year);
}

/** The first script draws the page's headline from its early answer, before the page's code. */
function drawHeadline(headline: Headline, pathname: string, year: number) {
  const answer = peekEarly(headline.path);
  if (!answer) return;
  if (headline.page === "overview") {
    showFiguresFrom(answer, peekEarly(headline.detail), pathname, year);
    return;
  }
  if (headline.page === "targets") {
    showTargetsFrom(answer, pathname);
    return;
  }
  showHeadlineFrom(answer, pathname, year);
  // The set version that explains the scorecard, on its way while the page's code loads.
  void answer.then((body) => {
    const id = setVersionOf(body);
    if (id !== null) requestEarly(setVersionPath(id));
  });
}
