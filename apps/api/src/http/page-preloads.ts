import type { FastifyRequest } from "fastify";
import type { Db } from "@ntm/db";
import { endOfYear } from "@ntm/domain";
import { scorecardSetFor } from "../features/assessments/index.ts";
import type { AuthUser } from "../features/auth/index.ts";
import { userForSession, type SessionLimits } from "../features/auth/sessions.ts";
import { requireUnitAccess, type UnitRow } from "../features/units/index.ts";
import { today } from "../shared/clock.ts";
import { AppError } from "./app-error.ts";
import { sessionCookie } from "./auth-plugin.ts";

/** The cookie in which the web app keeps the year it opens with (its choice of year). */
export const yearCookie = "ntm_year";
/** The year the web app opens with when none was chosen on the device. */
const webDefaultYear = 2024;
const firstYear = 2021;
/** The overview's list of communes below this many criteria, until the user changes it. */
const overviewBelow = 10;

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

/** The unit at the end of `year` when the user may read it; null when it is not found or refused. */
async function readableUnit(
  db: Db,
  user: AuthUser,
  code: string,
  year: number,
): Promise<UnitRow | null> {
  try {
    const { unit } = await requireUnitAccess(db, {
      user,
      code,
      asOf: endOfYear(year),
      action: "unit.read",
    });
    return unit;
  } catch (error) {
    if (error instanceof AppError) return null;
    throw error;
  }
}

const isCommune = (level: string) => level === "commune" || level === "village";

/**
 * A unit's page: a commune's scorecard (its unit, its answer and its set version), or a province's
 * or district's overview (its unit and its summary), as the web decides by the unit's level.
 */
async function unitPageReads(
  db: Db,
  user: AuthUser,
  code: string,
  year: number,
  now: Date,
): Promise<string[]> {
  const detail = `${unitPath(code)}?asOf=${asOfFor(year, now)}`;
  const setId = await scorecardSetFor(db, { user, code, year });
  if (setId !== null) {
    return [detail, `${unitPath(code)}/scorecard?year=${year}`, `/api/catalog/sets/${setId}`];
  }
  const unit = await readableUnit(db, user, code, year);
  if (!unit || isCommune(unit.level)) return [];
  return [detail, `${unitPath(code)}/summary?year=${year}&below=${overviewBelow}`];
}

/**
 * The targets dashboard of a unit the user may read. Its map's data is left to the web, which asks
 * for it with the page's code: the map is drawn after the targets and would share the link with
 * the first script. A department's /targets opens its own view.
 */
async function targetsPageReads(
  db: Db,
  user: AuthUser,
  code: string,
  year: number,
): Promise<string[]> {
  if (user.role === "department") return [];
  const unit = await readableUnit(db, user, code, year);
  return unit ? [`${unitPath(code)}/dashboard?year=${year}`] : [];
}

/**
 * The API reads the page at `pathname` starts with, for a signed-in user allowed to make them,
 * in the exact form the web asks them (so the browser's preloaded answers are the ones taken):
 * a unit's page (a commune's scorecard or an overview), a targets dashboard and the home's tasks.
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
  if ((section !== "units" && section !== "targets") || rest.length > 0) return [];
  let code: string;
  try {
    code = rawCode === undefined ? user.unitCode : decodeURIComponent(rawCode);
  } catch {
    return [];
  }
  return section === "units"
    ? unitPageReads(db, user, code, year, now)
    : targetsPageReads(db, user, code, year);
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
