import { describe, expect, it } from "vitest";
import type { TaskDto } from "@ntm/contracts";
import { taskTarget, urgencyOf } from "./task-link.ts";

const base = { unit: { code: "23344", name: "Xã Đắk Blô" }, due: null, overdue: false };

const tasks: [string, TaskDto, { to: string; year?: number }][] = [
  [
    "a dossier step opens the dossier",
    {
      ...base,
      kind: "dossier_step",
      id: "dossier:3",
      dossierId: 3,
      dossierKind: "recognition",
      year: 2023,
      stepCode: "public_posting",
      stepName: "Niêm yết công khai",
      action: "complete",
    },
    { to: "/dossiers/3" },
  ],
  [
    "a report opens in the list of reports",
    {
      ...base,
      kind: "report",
      id: "report:37",
      submissionId: 37,
      typeName: "Báo cáo tháng",
      periodKey: "2026-M11",
      periodLabel: "Tháng 11/2026",
      state: "draft",
      returnReason: null,
    },
    { to: "/reports?report=37" },
  ],
  [
    "an obstacle opens among the obstacles",
    {
      ...base,
      kind: "obstacle",
      id: "obstacle:2",
      obstacleId: 2,
      title: "Chậm giải phóng mặt bằng",
      status: "escalated",
    },
    { to: "/reports/obstacles?obstacle=2" },
  ],
  [
    "a commune's missing values open its entry grid for the year",
    {
      ...base,
      kind: "missing_values",
      id: "values:23344:2026",
      scope: "commune",
      year: 2026,
      communes: 1,
      missing: 47,
      expected: 47,
    },
    { to: "/units/23344?view=grid", year: 2026 },
  ],
  [
    "a district's missing values open the entry by commune for the year",
    {
      ...base,
      unit: { code: "610", name: "Huyện Đắk Glei" },
      kind: "missing_values",
      id: "values:610:2026",
      scope: "communes",
      year: 2026,
      communes: 12,
      missing: 560,
      expected: 564,
    },
    { to: "/entry/610", year: 2026 },
  ],
  [
    "a target opens the targets of its unit for the year judged",
    {
      ...base,
      unit: { code: "62", name: "Tỉnh Kon Tum" },
      kind: "target",
      id: "target:8",
      targetId: 8,
      name: "49/85 xã đạt chuẩn",
      status: "offTrack",
      deadlineYear: 2025,
      year: 2024,
    },
    { to: "/targets/62", year: 2024 },
  ],
];

describe("taskTarget", () => {
  it.each(tasks)("%s", (_label, task, expected) => {
    expect(taskTarget(task)).toEqual(expected);
  });
});

describe("urgencyOf", () => {
  it.each([
    [{ due: "2023-12-05", overdue: true }, "overdue"],
    [{ due: "2026-12-10", overdue: false }, "soon"],
    [{ due: "2026-12-13", overdue: false }, "soon"],
    [{ due: "2026-12-14", overdue: false }, "later"],
    [{ due: null, overdue: false }, "none"],
  ] as const)("%o on 06/12/2026 → %s", (task, urgency) => {
    expect(urgencyOf(task, "2026-12-06")).toBe(urgency);
  });
});
