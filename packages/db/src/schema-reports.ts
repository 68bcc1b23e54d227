// Tables of the reports feature; every table is re-exported by schema.ts.
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";

/** A kind of periodic report: its cadence, due rule, who submits and who receives it. */
export const reportTypes = pgTable("report_types", {
  id: serial("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  cadence: text("cadence").notNull(),
  /** The domain `DueRule`, e.g. {"kind":"dayOfNextMonth","day":15}. */
  dueRule: jsonb("due_rule").notNull(),
  /** district | commune | department */
  submitterLevel: text("submitter_level").notNull(),
  /** The receiving unit (the province), whose coordination office watches the rates. */
  receiverUnitCode: text("receiver_unit_code").notNull(),
  legalBasis: text("legal_basis"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  createdBy: text("created_by").notNull(),
});

/** One expected report of one submitter for one period; frozen into `snapshot` on submission. */
export const reportSubmissions = pgTable(
  "report_submissions",
  {
    id: serial("id").primaryKey(),
    typeId: integer("type_id")
      .notNull()
      .references(() => reportTypes.id),
    periodKey: text("period_key").notNull(),
    periodLabel: text("period_label").notNull(),
    periodStart: date("period_start").notNull(),
    periodEnd: date("period_end").notNull(),
    dueDate: date("due_date").notNull(),
    /** The submitting unit; for a department, the province it belongs to. */
    unitCode: text("unit_code").notNull(),
    /** The unit's province, set by the database on insert: the key to shard by (docs/deploy.md). */
    provinceCode: text("province_code"),
    /** The submitting department, or "" for a unit's own report (so the unique key holds). */
    departmentCode: text("department_code").notNull().default(""),
    /** draft | submitted | returned */
    state: text("state").notNull().default("draft"),
    narrative: text("narrative").notNull().default(""),
    snapshot: jsonb("snapshot"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    submittedOn: date("submitted_on"),
    submittedBy: text("submitted_by"),
    returnReason: text("return_reason"),
    version: integer("version").notNull().default(0),
  },
  (t) => [
    uniqueIndex("report_submissions_uq").on(t.typeId, t.periodKey, t.unitCode, t.departmentCode),
    index("report_submissions_period_idx").on(t.periodKey),
  ],
);

/** A difficulty raised by a commune, district or department, and who holds it now. */
export const obstacles = pgTable(
  "obstacles",
  {
    id: serial("id").primaryKey(),
    unitCode: text("unit_code").notNull(),
    /** The province that held the unit on the day the obstacle was raised (ADR 0023). */
    provinceCode: text("province_code"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    criterionCodes: text("criterion_codes").array().notNull().default([]),
    indicatorCodes: text("indicator_codes").array().notNull().default([]),
    planItem: text("plan_item"),
    departmentCode: text("department_code"),
    /** open | escalated | resolved */
    status: text("status").notNull().default("open"),
    /** The level expected to act: commune, district, department, coordination_office, province_committee. */
    holder: text("holder").notNull(),
    owner: text("owner").notNull(),
    dueDate: date("due_date").notNull(),
    raisedBy: text("raised_by").notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull(),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    answer: text("answer"),
  },
  (t) => [index("obstacles_unit_idx").on(t.unitCode), index("obstacles_status_idx").on(t.status)],
);

/** Every hand-over, answer and resolution of an obstacle. */
export const obstacleEvents = pgTable(
  "obstacle_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    obstacleId: integer("obstacle_id")
      .notNull()
      .references(() => obstacles.id),
    /** The obstacle's province key. */
    provinceCode: text("province_code"),
    at: timestamp("at", { withTimezone: true }).notNull(),
    username: text("username").notNull(),
    action: text("action").notNull(),
    fromHolder: text("from_holder"),
    toHolder: text("to_holder"),
    note: text("note").notNull().default(""),
  },
  (t) => [index("obstacle_events_obstacle_idx").on(t.obstacleId)],
);

/** Reminder e-mails sent, one per report and kind (before / after the due date), so none goes twice. */
export const reportReminderMails = pgTable(
  "report_reminder_mails",
  {
    submissionId: integer("submission_id")
      .notNull()
      .references(() => reportSubmissions.id),
    /** The report's province key. */
    provinceCode: text("province_code"),
    /** due_soon | overdue */
    kind: text("kind").notNull(),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull(),
    recipients: text("recipients").array().notNull(),
  },
  (t) => [uniqueIndex("report_reminder_mails_uq").on(t.submissionId, t.kind)],
);

/**
 * Reminders sent by hand ("Nhắc nộp") by an office above the submitter: shown on the submitters'
 * "Việc của tôi" and mailed to them; one per report and day, so a second click sends nothing.
 */
export const reportReminders = pgTable(
  "report_reminders",
  {
    id: serial("id").primaryKey(),
    submissionId: integer("submission_id")
      .notNull()
      .references(() => reportSubmissions.id),
    /** The report's province key. */
    provinceCode: text("province_code"),
    /** The account that reminded, and the unit it reminded from. */
    remindedBy: text("reminded_by").notNull(),
    remindedByUnit: text("reminded_by_unit").notNull(),
    remindedAt: timestamp("reminded_at", { withTimezone: true }).notNull(),
    /** The local date in Viet Nam, which makes one reminder per report and day. */
    remindedOn: date("reminded_on").notNull(),
    recipients: text("recipients").array().notNull(),
  },
  (t) => [uniqueIndex("report_reminders_uq").on(t.submissionId, t.remindedOn)],
);
