import type { Db, DbOrTx } from "@ntm/db";
import type { ReportFigures } from "@ntm/contracts";
import { AppError } from "../../http/app-error.ts";
import type { AuthUser } from "../auth/index.ts";
import { getPlanRollup } from "../targets/index.ts";
import { getUnitTargets } from "../targets/index.ts";
import {
  countValueChanges,
  findCommuneResults,
  findObstacles,
  findPreviousSubmitted,
  type SubmissionRow,
} from "./reports.repository.ts";

type LinkedFigures = Pick<ReportFigures, "targets" | "planMoney" | "notes">;

/**
 * Targets status and plan money of the submitter's area, from the targets module, as the user
 * reading the report may see them. Read outside any transaction (the targets services take the
 * database, not a transaction).
 */
export async function linkedFigures(
  db: Db,
  row: SubmissionRow,
  user: AuthUser,
  now: Date,
): Promise<LinkedFigures> {
  const year = Number(row.periodEnd.slice(0, 4));
  const notes: string[] = [];
  const readOrNull = async <T>(what: string, read: () => Promise<T>) => {
    try {
      return await read();
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      notes.push(`${what}: chưa có số liệu (${error.message}).`);
      return null;
    }
  };
  const targets = await readOrNull("Mục tiêu", () =>
    getUnitTargets(db, { user, code: row.unitCode, year, now }),
  );
  const plans = await readOrNull("Kế hoạch vốn", () =>
    getPlanRollup(db, { user, code: row.unitCode, year, now }),
  );
  return {
    targets: targets && {
      total: targets.targets.length,
      met: targets.counts.met,
      onTrack: targets.counts.onTrack,
      atRisk: targets.counts.atRisk,
      offTrack: targets.counts.offTrack,
      noData: targets.counts.noData,
    },
    planMoney: plans && {
      year,
      communesWithPlan: plans.rollup.communesWithPlan,
      investment: plans.rollup.investment,
      funded: plans.rollup.funded,
    },
    notes,
  };
}

/** The figures a report is drafted from: the live data of the submitter's communes. */
export async function draftFigures(
  db: DbOrTx,
  row: SubmissionRow,
  linked: LinkedFigures = { notes: [] },
): Promise<ReportFigures> {
  const periodYear = Number(row.periodEnd.slice(0, 4));
  // Results are stored per assessment year; early in a year the latest one may be last year's.
  let year = periodYear;
  let communes = await findCommuneResults(db, row.unitCode, row.periodEnd, year);
  for (let earlier = periodYear - 1; earlier >= periodYear - 3; earlier -= 1) {
    if (communes.some((c) => c.criteriaMet !== null)) break;
    const candidate = await findCommuneResults(db, row.unitCode, row.periodEnd, earlier);
    if (candidate.some((c) => c.criteriaMet !== null)) {
      year = earlier;
      communes = candidate;
    }
  }
  const assessed = communes.filter((c) => c.criteriaMet !== null);
  const previous = await findPreviousSubmitted(db, row);
  const before = new Map(
    (previous?.snapshot as { perCommune?: Record<string, number> } | null)?.perCommune
      ? Object.entries((previous!.snapshot as { perCommune: Record<string, number> }).perCommune)
      : [],
  );
  const codes = communes.map((c) => c.code);
  const obstacles = await findObstacles(db, [row.unitCode, ...codes]);
  const open = obstacles.filter((o) => o.status !== "resolved");
  return {
    year,
    asOf: row.periodEnd,
    communes: communes.length,
    communesAssessed: assessed.length,
    averageCriteriaMet:
      assessed.length === 0
        ? null
        : Math.round(
            (assessed.reduce((sum, c) => sum + (c.criteriaMet ?? 0), 0) / assessed.length) * 10,
          ) / 10,
    byLevel: {
      standard: assessed.filter((c) => c.level === "standard").length,
      advanced: assessed.filter((c) => c.level === "advanced").length,
      model: assessed.filter((c) => c.level === "model").length,
    },
    changes: assessed
      .filter((c) => previous && before.get(c.code) !== c.criteriaMet)
      .map((c) => ({
        unitCode: c.code,
        unitName: c.name,
        criteriaMet: c.criteriaMet ?? 0,
        previous: before.get(c.code) ?? null,
      })),
    valuesUpdated: await countValueChanges(db, codes, row.periodStart, row.periodEnd),
    obstaclesOpen: open.length,
    obstaclesOverdue: open.filter((o) => o.dueDate < row.dueDate).length,
    targets: linked.targets ?? null,
    planMoney: linked.planMoney ?? null,
    notes: [
      ...(year !== periodYear ? [`Kết quả đánh giá mới nhất là của năm ${year}.`] : []),
      ...linked.notes,
    ],
    ...({ perCommune: Object.fromEntries(assessed.map((c) => [c.code, c.criteriaMet])) } as object),
  };
}
