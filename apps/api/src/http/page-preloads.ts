import type { FastifyRequest } from "fastify";
import type { Db } from "@ntm/db";
import { endOfYear } from "@ntm/domain";
import { scorecardSetFor } from "../features/assessments/index.ts";
import type { AuthUser } from "../features/auth/index.ts";
import { userForSession, type SessionLimits } from "../features/auth/sessions.ts";
import { today } from "../shared/clock.ts";
import { sessionCookie } from "./auth-plugin.ts";

/** The cookie in which the web app keeps the year it opens with (its choice of year). */
export const yearCookie = "ntm_year";
/** The year the web app opens with when none was chosen on the device. */
const webDefaultYear = 2024;
const firstYear = 2021;

function yearOf(request: FastifyRequest, now: Date): number {
  const chosen = Number(request.cookies[yearCookie]);
  const last = Number(today(now).slice(0, 4)) + 1;
  return Number.isInteger(chosen) && chosen >= firstYear && chosen <= last
    ? chosen
    : webDefaultYear;
}

/** The unit detail's "as of" day, as the web asks for it: 31 December, or today in that year. */
function asOfFor(year: number, now: Date): string {
  const end = endOfYear(year);
  const day = today(now);
  return end < day ? end : day;
}

const unitPath = (code: string) => `/api/units/${encodeURIComponent(code)}`;

/**
 * The API reads the page at `pathname` starts with, for a signed-in user allowed to make them,
 * in the exact form the web asks them (so the browser's preloaded answers are the ones taken):
 * a commune's scorecard (its unit, its answer and its set version) and the home's task list.
 */
async function readsOf(
  db: Db,
  user: AuthUser,
  pathname: string,
  year: number,
  now: Date,
): Promise<string[]> {
  const [section, rawCode, ...rest] = pathname.split("/").filter(Boolean);
  if (section === undefined) return ["/api/me/tasks"];
  if (section !== "units" || rest.length > 0) return [];
  let code: string;
  try {
    code = rawCode === undefined ? user.unitCode : decodeURIComponent(rawCode);
  } catch {
    return [];
  }
  const setId = await scorecardSetFor(db, { user, code, year });
  if (setId === null) return [];
  return [
    `${unitPath(code)}?asOf=${asOfFor(year, now)}`,
    `${unitPath(code)}/scorecard?year=${year}`,
    `/api/catalog/sets/${setId}`,
  ];
}

/** The API reads to preload with the page a request asks for; none without a valid session. */
export async function pagePreloads(
  request: FastifyRequest,
  options: { db: Db; now: Date; limits: SessionLimits },
): Promise<string[]> {
  const token = request.cookies[sessionCookie];
  if (!token) return [];
  const user = await userForSession(options.db, {
    token,
    now: options.now,
    limits: options.limits,
  });
  if (!user || user.mustChangePassword) return [];
  const pathname = request.url.split("?")[0] ?? "/";
  return readsOf(options.db, user, pathname, yearOf(request, options.now), options.now);
}
