import { describe, expect, it } from "vitest";
import { consolidateReports, type ConsolidatedFigures } from "./consolidate.ts";

const figures = (communes: number, assessed: number, average: number | null, standard: number) =>
  ({
    communes,
    communesAssessed: assessed,
    averageCriteriaMet: average,
    byLevel: { standard, advanced: 0, model: 0 },
    obstaclesOpen: 1,
    obstaclesOverdue: 0,
  }) satisfies ConsolidatedFigures;

describe("consolidateReports", () => {
  it.each([
    {
      name: "weights the average by communes assessed",
      entries: [
        {
          submitterName: "Huyện A",
          timeliness: "on_time" as const,
          figures: figures(20, 20, 15, 10),
        },
        { submitterName: "Huyện B", timeliness: "late" as const, figures: figures(5, 5, 10, 1) },
      ],
      average: 14,
      standard: 11,
      communes: 25,
      summary: "2/2 đơn vị đã gửi báo cáo, tỷ lệ đúng hạn 50%.",
    },
    {
      name: "leaves a missing report out and names it",
      entries: [
        {
          submitterName: "Huyện A",
          timeliness: "on_time" as const,
          figures: figures(10, 8, 12.5, 3),
        },
        { submitterName: "Huyện C", timeliness: "missing" as const, figures: null },
        { submitterName: "Huyện D", timeliness: "pending" as const, figures: null },
      ],
      average: 12.5,
      standard: 3,
      communes: 10,
      summary:
        "1/3 đơn vị đã gửi báo cáo, tỷ lệ đúng hạn 50%; chưa có báo cáo của: Huyện C, Huyện D.",
    },
    {
      name: "has no average when nothing is in",
      entries: [{ submitterName: "Huyện C", timeliness: "pending" as const, figures: null }],
      average: null,
      standard: 0,
      communes: 0,
      summary: "0/1 đơn vị đã gửi báo cáo; chưa có báo cáo của: Huyện C.",
    },
  ])("$name", ({ entries, average, standard, communes, summary }) => {
    const result = consolidateReports(entries);
    expect(result.submitted.averageCriteriaMet).toBe(average);
    expect(result.submitted.byLevel.standard).toBe(standard);
    expect(result.submitted.communes).toBe(communes);
    expect(result.summary).toBe(summary);
  });

  it("gives each missing report its reason", () => {
    const result = consolidateReports([
      { submitterName: "Huyện C", timeliness: "missing", figures: null },
    ]);
    expect(result.notIn).toEqual([{ submitterName: "Huyện C", reason: "Chưa nộp (quá hạn)" }]);
  });
});
