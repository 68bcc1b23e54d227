import type { Database } from "@ntm/db";
import { tables } from "@ntm/db";
import { addDays, matchesSearch, periodsOf, type DueRule } from "@ntm/domain";
import { openDuePeriods, openReportPeriod, systemUser, today as localDate } from "@ntm/api";
import { and, eq, inArray } from "drizzle-orm";

/**
 * Demo reporting: a district monthly report due on the 15th, a commune monthly report due on the
 * 10th and a department quarterly report due 15 working days after the quarter, the last periods
 * before `now` with on-time, late, returned and missing submissions, and obstacles in every state
 * (one proposed to UBND tỉnh).
 */
export async function seedReports(
  database: Database,
  options: { provinceCode: string; now: Date; presentProvinceCode?: string },
) {
  const db = database.db;
  const today = localDate(options.now);
  const year = Number(today.slice(0, 4));
  const types: {
    code: string;
    name: string;
    cadence: string;
    dueRule: DueRule;
    submitterLevel: string;
    legalBasis: string;
  }[] = [
    {
      code: "huyen-hang-thang",
      name: "Báo cáo tháng của UBND huyện về xây dựng nông thôn mới",
      cadence: "monthly",
      dueRule: { kind: "dayOfNextMonth", day: 15 },
      submitterLevel: "district",
      legalBasis: "Kế hoạch của UBND tỉnh (minh họa): báo cáo hằng tháng trước ngày 15",
    },
    {
      // Since 1/7/2025 local government has two levels: with no district in between, the commune
      // people's committee reports to the province itself. The rhythm is the province's choice.
      code: "xa-hang-thang",
      name: "Báo cáo tháng của UBND xã về xây dựng nông thôn mới",
      cadence: "monthly",
      dueRule: { kind: "dayOfNextMonth", day: 10 },
      submitterLevel: "commune",
      legalBasis:
        "Kế hoạch của UBND tỉnh (minh họa): từ 01/7/2025 chính quyền địa phương hai cấp, UBND xã báo cáo hằng tháng trước ngày 10 về Văn phòng điều phối tỉnh",
    },
    {
      code: "so-nganh-hang-quy",
      name: "Báo cáo quý của sở, ngành phụ trách tiêu chí",
      cadence: "quarterly",
      dueRule: { kind: "workingDaysAfter", days: 15 },
      submitterLevel: "department",
      legalBasis:
        "Kế hoạch của UBND tỉnh (minh họa): sở, ngành báo cáo hằng quý về Văn phòng điều phối",
    },
  ];
  const inserted = await db
    .insert(tables.reportTypes)
    .values(
      types.map((type) => ({
        ...type,
        receiverUnitCode: options.provinceCode,
        createdBy: "system",
      })),
    )
    .returning();
  const rs = tables.reportSubmissions;
  for (const type of inserted) {
    const cadence = type.cadence === "monthly" ? "monthly" : "quarterly";
    const past = [...periodsOf(cadence, year - 1), ...periodsOf(cadence, year)].filter(
      (p) => p.end < today,
    );
    // Communes have reported all year (a commune officer's home shows a few reports, not every
    // month); the others, the last few periods.
    const recent =
      type.submitterLevel === "commune"
        ? past.filter((p) => p.key.startsWith(String(year)))
        : past.slice(cadence === "monthly" ? -4 : -2);
    for (const period of recent)
      await openReportPeriod(db, {
        user: systemUser,
        typeId: type.id,
        periodKey: period.key,
        now: options.now,
      });
    const rows = await db
      .select()
      .from(rs)
      .where(
        and(
          eq(rs.typeId, type.id),
          inArray(
            rs.periodKey,
            recent.map((p) => p.key),
          ),
        ),
      );
    for (const [index, row] of rows.entries()) {
      // Most report on time, some late, one is returned, the latest period is partly missing.
      const kind = index % 5;
      const latest = row.periodKey === recent.at(-1)?.key;
      if (latest && kind >= 2) continue;
      const on = kind === 3 ? addDays(row.dueDate, 4) : addDays(row.dueDate, -2);
      if (on > today) continue;
      await db
        .update(rs)
        .set({
          state: kind === 4 ? "returned" : "submitted",
          narrative:
            "Tình hình thực hiện trong kỳ; khó khăn về vốn đối ứng và giải phóng mặt bằng (dữ liệu minh họa).",
          submittedAt: new Date(`${on}T02:00:00Z`),
          submittedOn: on,
          submittedBy: "system",
          returnReason: kind === 4 ? "Đề nghị bổ sung số liệu giải ngân vốn (minh họa)." : null,
          version: 1,
        })
        .where(eq(rs.id, row.id));
    }
  }
  // As a daily scheduler would have done: the other periods due so far are open, not yet sent.
  await openDuePeriods(db, { user: systemUser, date: today });

  const u = tables.adminUnits;
  const districts = await db
    .select({ code: u.code, name: u.name })
    .from(u)
    .where(and(eq(u.parentCode, options.provinceCode), eq(u.level, "district")));
  const district = districts.find((d) => matchesSearch(d.name, "dak glei")) ?? districts[0];
  if (!district) return inserted.length;
  const communes = await db
    .select({ code: u.code, name: u.name })
    .from(u)
    .where(and(eq(u.parentCode, district.code), eq(u.level, "commune")));
  const at = (days: number) => new Date(options.now.getTime() - days * 86400000);
  const obstacles: {
    unitCode: string;
    title: string;
    criterionCodes: string[];
    holder: string;
    status: string;
    steps: [string, string, string][];
    dueIn: number;
    answer?: string;
  }[] = [
    {
      unitCode: communes[0]?.code ?? district.code,
      title: "Thiếu vốn đối ứng cứng hóa đường trục thôn",
      criterionCodes: ["2"],
      holder: "commune",
      status: "open",
      steps: [],
      dueIn: 20,
    },
    {
      unitCode: communes[1]?.code ?? district.code,
      title: "Chậm giải phóng mặt bằng xây dựng nhà văn hóa xã",
      criterionCodes: ["6"],
      holder: "district",
      status: "escalated",
      steps: [["commune", "district", "Vượt khả năng của xã, đề nghị huyện hỗ trợ."]],
      dueIn: -5,
    },
    // Raised today: after the 2025 reform the province of today holds it, with no district between.
    options.presentProvinceCode
      ? {
          unitCode: options.presentProvinceCode,
          title: "Vướng mắc hướng dẫn chỉ tiêu 17.8 về vệ sinh môi trường",
          criterionCodes: ["17"],
          holder: "province_committee",
          status: "escalated",
          steps: [
            ["coordination_office", "province_committee", "Vượt thẩm quyền, đề xuất UBND tỉnh."],
          ],
          dueIn: 10,
        }
      : {
          unitCode: district.code,
          title: "Vướng mắc hướng dẫn chỉ tiêu 17.8 về vệ sinh môi trường",
          criterionCodes: ["17"],
          holder: "province_committee",
          status: "escalated",
          steps: [
            ["district", "coordination_office", "Đề nghị Văn phòng điều phối hướng dẫn."],
            ["coordination_office", "province_committee", "Vượt thẩm quyền, đề xuất UBND tỉnh."],
          ],
          dueIn: 10,
        },
    {
      unitCode: communes[2]?.code ?? district.code,
      title: "Chưa có hướng dẫn chấm điểm sản phẩm OCOP",
      criterionCodes: ["13"],
      holder: "district",
      status: "resolved",
      steps: [["commune", "district", "Đề nghị huyện hướng dẫn."]],
      dueIn: -20,
      answer: "Phòng Nông nghiệp huyện đã tập huấn và gửi hướng dẫn (minh họa).",
    },
  ];
  for (const [index, item] of obstacles.entries()) {
    const raisedAt = at(30 - index);
    const [row] = await db
      .insert(tables.obstacles)
      .values({
        unitCode: item.unitCode,
        title: item.title,
        description: "Dữ liệu minh họa.",
        criterionCodes: item.criterionCodes,
        status: item.status,
        holder: item.holder,
        owner:
          item.holder === "commune"
            ? "UBND xã"
            : item.holder === "district"
              ? `UBND ${district.name}`
              : "UBND tỉnh",
        dueDate: addDays(today, item.dueIn),
        raisedBy: "system",
        raisedAt,
        resolvedAt: item.status === "resolved" ? at(3) : null,
        answer: item.answer ?? null,
      })
      .returning();
    if (!row) continue;
    const first = item.steps[0]?.[0] ?? item.holder;
    const events = [
      {
        obstacleId: row.id,
        at: raisedAt,
        username: "system",
        action: "raise",
        toHolder: first,
        note: item.title,
      },
      ...item.steps.map(([from, to, note], step) => ({
        obstacleId: row.id,
        at: at(20 - step * 5),
        username: "system",
        action: "escalate",
        fromHolder: from,
        toHolder: to,
        note,
      })),
      ...(item.answer
        ? [
            {
              obstacleId: row.id,
              at: at(3),
              username: "system",
              action: "resolve",
              fromHolder: item.holder,
              toHolder: item.holder,
              note: item.answer,
            },
          ]
        : []),
    ];
    await db.insert(tables.obstacleEvents).values(events);
  }
  return inserted.length;
}
