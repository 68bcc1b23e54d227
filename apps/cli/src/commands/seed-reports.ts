import type { Database } from "@ntm/db";
import { sqlArray, tables } from "@ntm/db";
import {
  addDays,
  matchesSearch,
  obstacleLevelNames,
  periodsOf,
  type Cadence,
  type DueRule,
  type ObstacleLevel,
  type ReportPeriod,
} from "@ntm/domain";
import { openDuePeriods, openReportPeriod, systemUser, today as localDate } from "@ntm/api";
import { and, asc, eq, inArray, sql } from "drizzle-orm";

interface DemoType {
  code: string;
  name: string;
  cadence: "monthly" | "quarterly";
  dueRule: DueRule;
  submitterLevel: string;
  legalBasis: string;
}

/**
 * Opens the periods of a type and fills them as a province's year looks: most report on time,
 * some late, one report returned for correction, and in the last period already due some have
 * not reported (the units `missing` among them).
 */
async function fillPeriods(
  db: Database["db"],
  options: {
    type: typeof tables.reportTypes.$inferSelect;
    periods: ReportPeriod[];
    now: Date;
    /** Units (or departments) that have not sent the last report due. */
    missing?: readonly string[];
  },
) {
  const { type, periods, now } = options;
  const today = localDate(now);
  for (const period of periods)
    await openReportPeriod(db, { user: systemUser, typeId: type.id, periodKey: period.key, now });
  const rs = tables.reportSubmissions;
  const rows = await db
    .select()
    .from(rs)
    .where(
      and(
        eq(rs.typeId, type.id),
        inArray(
          rs.periodKey,
          periods.map((p) => p.key),
        ),
      ),
    )
    .orderBy(asc(rs.periodKey), asc(rs.unitCode), asc(rs.departmentCode));
  const lastDue = rows.filter((row) => row.dueDate < today).at(-1)?.periodKey;
  const returned = rows.find(
    (row, index) => index % 5 === 4 && row.periodKey !== lastDue && row.dueDate < today,
  )?.id;
  const sent: { id: number; on: string; returned: boolean }[] = [];
  for (const [index, row] of rows.entries()) {
    const kind = row.id === returned ? 4 : index % 5 === 4 ? 0 : index % 5;
    const late = options.missing?.some(
      (code) => code === row.unitCode || code === row.departmentCode,
    );
    if (row.periodKey === lastDue && (kind >= 2 || late)) continue;
    const on = kind === 3 ? addDays(row.dueDate, 4) : addDays(row.dueDate, -2);
    if (on > today) continue;
    sent.push({ id: row.id, on, returned: kind === 4 });
  }
  // One statement for the whole type: a province's year of reports is hundreds of rows.
  if (sent.length === 0) return;
  await db.execute(sql`
    update report_submissions as s set
      state = case when r.returned then 'returned' else 'submitted' end,
      narrative = ${narrative},
      submitted_at = (r.submitted_on::text || 'T02:00:00Z')::timestamptz,
      submitted_on = r.submitted_on,
      submitted_by = 'system',
      return_reason = case when r.returned then ${returnReason} end,
      version = 1
    from unnest(${sqlArray(
      sent.map((row) => row.id),
      "integer",
    )}, ${sqlArray(
      sent.map((row) => row.on),
      "date",
    )}, ${sqlArray(
      sent.map((row) => row.returned),
      "boolean",
    )}) as r(id, submitted_on, returned)
    where s.id = r.id`);
}

const narrative =
  "Tình hình thực hiện trong kỳ; khó khăn về vốn đối ứng và giải phóng mặt bằng (dữ liệu minh họa).";
const returnReason = "Đề nghị bổ sung số liệu giải ngân vốn (minh họa).";

async function insertTypes(db: Database["db"], types: DemoType[], receiverUnitCode: string) {
  return db
    .insert(tables.reportTypes)
    .values(types.map((type) => ({ ...type, receiverUnitCode, createdBy: "system" })))
    .returning();
}

/** The last `count` periods of a cadence that ended before `before` and began on or after `from`. */
function lastPeriods(cadence: Cadence, from: string, before: string, count: number) {
  const year = Number(before.slice(0, 4));
  return [...periodsOf(cadence, year - 1), ...periodsOf(cadence, year)]
    .filter((p) => p.start >= from && p.end < before)
    .slice(-count);
}

/** The demo's department account (Sở Xây dựng of Kon Tum). */
const demoDepartment = "so-xd";

/**
 * Demo reporting of old Kon Tum, as it ran in 2024 before the reform: a district monthly report
 * due on the 15th, a commune monthly report due on the 10th and a department quarterly report due
 * 15 working days after the quarter, with on-time, late, returned and missing submissions, and
 * obstacles that went up through a district (one still held there).
 */
export async function seedReports(
  database: Database,
  options: { provinceCode: string; now: Date },
) {
  const db = database.db;
  const types: DemoType[] = [
    {
      code: "huyen-hang-thang",
      name: "Báo cáo tháng của UBND huyện về xây dựng nông thôn mới",
      cadence: "monthly",
      dueRule: { kind: "dayOfNextMonth", day: 15 },
      submitterLevel: "district",
      legalBasis: "Kế hoạch của UBND tỉnh (minh họa): báo cáo hằng tháng trước ngày 15",
    },
    {
      code: "xa-hang-thang",
      name: "Báo cáo tháng của UBND xã về xây dựng nông thôn mới",
      cadence: "monthly",
      dueRule: { kind: "dayOfNextMonth", day: 10 },
      submitterLevel: "commune",
      legalBasis: "Kế hoạch của UBND tỉnh (minh họa): UBND xã báo cáo hằng tháng trước ngày 10",
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
  const u = tables.adminUnits;
  const districts = await db
    .select({ code: u.code, name: u.name })
    .from(u)
    .where(and(eq(u.parentCode, options.provinceCode), eq(u.level, "district")));
  const district = districts.find((d) => matchesSearch(d.name, "dak glei")) ?? districts[0];
  const inserted = await insertTypes(db, types, options.provinceCode);
  for (const type of inserted) {
    const cadence = type.cadence as "monthly" | "quarterly";
    // The demo's reports of Kon Tum are those of 2024: communes all year, the others the last
    // few periods; the district's and the department's last reports were never sent.
    const count = type.submitterLevel === "commune" ? 12 : cadence === "monthly" ? 4 : 2;
    const periods = lastPeriods(cadence, "2024-01-01", "2025-01-01", count);
    await fillPeriods(db, {
      type,
      periods,
      now: options.now,
      missing: [district?.code ?? "", demoDepartment],
    });
  }
  if (!district) return inserted.length;
  const communes = await db
    .select({ code: u.code, name: u.name })
    .from(u)
    .where(and(eq(u.parentCode, district.code), eq(u.level, "commune")));
  const owner = { commune: "UBND xã", district: `UBND ${district.name}` };
  // Before the reform a commune's obstacle went up through its district (dated in late 2024).
  await insertObstacles(db, {
    asOf: new Date("2024-12-01T03:00:00Z"),
    owner,
    items: [
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
    ],
  });
  return inserted.length;
}

/**
 * Demo reporting of the province of today, after the reform: the xã report to the province's
 * coordination office directly, monthly before the 10th and quarterly 10 working days after the
 * quarter, for every period since the reform; and obstacles raised by its xã that went
 * straight to the office (no district since 1/7/2025), one proposed to UBND tỉnh. The officer's
 * commune (`commune`) has not sent the last report already due.
 */
export async function seedPresentReports(
  database: Database,
  options: { provinceCode: string; commune: string; now: Date },
) {
  const db = database.db;
  const today = localDate(options.now);
  const legalBasis =
    "Kế hoạch của UBND tỉnh (minh họa): từ 01/7/2025 chính quyền địa phương hai cấp, UBND xã báo cáo về Văn phòng điều phối tỉnh";
  const inserted = await insertTypes(
    db,
    [
      {
        code: `${options.provinceCode}-xa-hang-thang`,
        name: "Báo cáo tháng của UBND xã về xây dựng nông thôn mới",
        cadence: "monthly",
        dueRule: { kind: "dayOfNextMonth", day: 10 },
        submitterLevel: "commune",
        legalBasis: `${legalBasis} hằng tháng trước ngày 10`,
      },
      {
        code: `${options.provinceCode}-xa-hang-quy`,
        name: "Báo cáo quý của UBND xã về kết quả thực hiện Chương trình",
        cadence: "quarterly",
        dueRule: { kind: "workingDaysAfter", days: 10 },
        submitterLevel: "commune",
        legalBasis: `${legalBasis} hằng quý trong 10 ngày làm việc sau khi hết quý`,
      },
    ],
    options.provinceCode,
  );
  for (const type of inserted) {
    const cadence = type.cadence as "monthly" | "quarterly";
    const periods = lastPeriods(cadence, "2025-07-01", today, Infinity);
    await fillPeriods(db, { type, periods, now: options.now, missing: [options.commune] });
  }
  // As a daily scheduler would have done: the other periods due so far are open, not yet sent
  // (the types of the province the reform closed have none after 30/6/2025).
  await openDuePeriods(db, { user: systemUser, date: today });

  const u = tables.adminUnits;
  const communes = (
    await db
      .select({ code: u.code, name: u.name })
      .from(u)
      .where(
        and(eq(u.parentCode, options.provinceCode), eq(u.level, "commune"), eq(u.assessed, true)),
      )
      .orderBy(asc(u.name))
  ).filter((unit) => unit.code !== options.commune);
  await insertObstacles(db, {
    asOf: options.now,
    owner: { commune: "UBND xã" },
    items: [
      {
        unitCode: options.commune,
        title: "Thiếu vốn đối ứng cứng hóa đường liên thôn",
        criterionCodes: ["2"],
        holder: "commune",
        status: "open",
        steps: [],
        dueIn: 20,
      },
      {
        unitCode: communes[0]?.code ?? options.commune,
        title: "Chậm giải phóng mặt bằng mở rộng trường mầm non",
        criterionCodes: ["5"],
        holder: "coordination_office",
        status: "escalated",
        steps: [["commune", "coordination_office", "Vượt khả năng của xã, đề nghị tỉnh hỗ trợ."]],
        dueIn: -3,
      },
      {
        unitCode: communes[1]?.code ?? options.commune,
        title: "Chưa rõ cách tính thu nhập bình quân theo bộ tiêu chí 2026–2030",
        criterionCodes: ["3"],
        holder: "coordination_office",
        status: "resolved",
        steps: [["commune", "coordination_office", "Đề nghị Văn phòng điều phối hướng dẫn."]],
        dueIn: -15,
        answer: "Văn phòng điều phối đã gửi hướng dẫn tính thu nhập (minh họa).",
      },
      {
        unitCode: options.provinceCode,
        title: "Vướng mắc hướng dẫn chỉ tiêu vệ sinh môi trường",
        criterionCodes: ["8"],
        holder: "province_committee",
        status: "escalated",
        steps: [
          ["coordination_office", "province_committee", "Vượt thẩm quyền, đề xuất UBND tỉnh."],
        ],
        dueIn: 10,
      },
    ],
  });
  return inserted.length;
}

interface DemoObstacle {
  unitCode: string;
  title: string;
  criterionCodes: string[];
  holder: string;
  status: string;
  steps: [string, string, string][];
  dueIn: number;
  answer?: string;
}

/** Obstacles with their history: raised about a month before `asOf`, passed up, maybe answered. */
async function insertObstacles(
  db: Database["db"],
  options: { asOf: Date; owner: Partial<Record<string, string>>; items: DemoObstacle[] },
) {
  const at = (days: number) => new Date(options.asOf.getTime() - days * 86400000);
  const asOfDay = localDate(options.asOf);
  for (const [index, item] of options.items.entries()) {
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
        owner: options.owner[item.holder] ?? obstacleLevelNames[item.holder as ObstacleLevel],
        dueDate: addDays(asOfDay, item.dueIn),
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
}
