import { rateOf, timelinessNames, type RateCounts, type Timeliness } from "./submission-status.ts";

/** The figures of one report that add up across submitters. */
export interface ConsolidatedFigures {
  communes: number;
  communesAssessed: number;
  averageCriteriaMet: number | null;
  byLevel: { standard: number; advanced: number; model: number };
  obstaclesOpen: number;
  obstaclesOverdue: number;
}

export interface ConsolidationEntry {
  submitterName: string;
  timeliness: Timeliness;
  /** The frozen figures of a submitted report; null when not submitted. */
  figures: ConsolidatedFigures | null;
}

export interface Consolidation {
  rate: RateCounts;
  /** Sum over the submitted reports only (a missing report adds nothing). */
  submitted: ConsolidatedFigures;
  /** Submitters whose report is not in, with why ("Chưa nộp (quá hạn)"). */
  notIn: { submitterName: string; reason: string }[];
  /** One sentence for the body of the consolidated report. */
  summary: string;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/**
 * Adds up the submitted reports of one period. The average criteria met is weighted by the
 * communes assessed in each report, so a district of 20 communes counts more than one of 5.
 */
export function consolidateReports(entries: readonly ConsolidationEntry[]): Consolidation {
  const inReports = entries.filter((entry) => entry.figures !== null);
  const figures = inReports.map((entry) => entry.figures as ConsolidatedFigures);
  const total = (pick: (f: ConsolidatedFigures) => number) =>
    figures.reduce((sum, f) => sum + pick(f), 0);
  const assessed = total((f) => f.communesAssessed);
  const weighted = total((f) => (f.averageCriteriaMet ?? 0) * f.communesAssessed);
  const notIn = entries
    .filter((entry) => entry.figures === null)
    .map((entry) => ({
      submitterName: entry.submitterName,
      reason: timelinessNames[entry.timeliness],
    }));
  const rate = rateOf(entries.map((entry) => entry.timeliness));
  return {
    rate,
    submitted: {
      communes: total((f) => f.communes),
      communesAssessed: assessed,
      averageCriteriaMet: assessed === 0 ? null : round1(weighted / assessed),
      byLevel: {
        standard: total((f) => f.byLevel.standard),
        advanced: total((f) => f.byLevel.advanced),
        model: total((f) => f.byLevel.model),
      },
      obstaclesOpen: total((f) => f.obstaclesOpen),
      obstaclesOverdue: total((f) => f.obstaclesOverdue),
    },
    notIn,
    summary:
      `${inReports.length}/${entries.length} đơn vị đã gửi báo cáo` +
      (rate.onTimeRate === null
        ? ""
        : `, tỷ lệ đúng hạn ${String(rate.onTimeRate).replace(".", ",")}%`) +
      (notIn.length === 0
        ? "."
        : `; chưa có báo cáo của: ${notIn.map((entry) => entry.submitterName).join(", ")}.`),
  };
}
