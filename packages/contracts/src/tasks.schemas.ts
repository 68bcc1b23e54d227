import { z } from "zod";
import { isoDateSchema } from "./api.schemas.ts";

/** What waits for a user, in one list: the home of every role ("Việc của tôi"). */
export const taskKinds = [
  "dossier_step",
  "report",
  "report_reminder",
  "obstacle",
  "missing_values",
  "target",
  "ocop_expiry",
  "feedback_pending",
] as const;
export type TaskKind = (typeof taskKinds)[number];

const taskUnitSchema = z.object({ code: z.string(), name: z.string() });

const taskBase = {
  /** Stable key of the task, e.g. "dossier:12", "report:34", "values:23344:2026". */
  id: z.string(),
  /** The unit the work is about (a department's report: the department's name). */
  unit: taskUnitSchema,
  /** The date the work is due, in Viet Nam; null when nothing sets one. */
  due: isoDateSchema.nullable(),
  overdue: z.boolean(),
};

/** A dossier step at the user's desk: a step of its role, or criteria to confirm at appraisal. */
export const dossierStepTaskSchema = z.object({
  ...taskBase,
  kind: z.literal("dossier_step"),
  dossierId: z.number(),
  dossierKind: z.enum(["recognition", "revocation"]),
  year: z.number(),
  stepCode: z.string(),
  stepName: z.string(),
  action: z.enum(["complete", "confirm"]),
});

/** A report the user's unit (or department) must submit: not sent yet, or returned. */
export const reportTaskSchema = z.object({
  ...taskBase,
  kind: z.literal("report"),
  submissionId: z.number(),
  typeName: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  state: z.enum(["draft", "returned"]),
  returnReason: z.string().nullable(),
});

/** A report of the user's unit that an office above it reminded the user to submit. */
export const reportReminderTaskSchema = z.object({
  ...taskBase,
  kind: z.literal("report_reminder"),
  submissionId: z.number(),
  typeName: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  /** When the last reminder came, and from which unit (the office or the district). */
  remindedAt: z.string(),
  remindedBy: z.string(),
});

/** An obstacle held at the user's level (raised there, or escalated to it). */
export const obstacleTaskSchema = z.object({
  ...taskBase,
  kind: z.literal("obstacle"),
  obstacleId: z.number(),
  title: z.string(),
  status: z.enum(["open", "escalated"]),
});

/** Indicators of the user's communes with no value for the current year. */
export const missingValuesTaskSchema = z.object({
  ...taskBase,
  kind: z.literal("missing_values"),
  /** "commune": the values of the unit itself; "communes": of the communes below the unit. */
  scope: z.enum(["commune", "communes"]),
  year: z.number(),
  /** Communes with a value missing; the unit is the commune itself when there is one. */
  communes: z.number(),
  /** Values missing across those communes, out of the values expected of them. */
  missing: z.number(),
  expected: z.number(),
});

/** A target of the user's scope that is at risk or off track. */
export const targetTaskSchema = z.object({
  ...taskBase,
  kind: z.literal("target"),
  targetId: z.number(),
  name: z.string(),
  status: z.enum(["atRisk", "offTrack"]),
  deadlineYear: z.number(),
  /** The year whose results the status is judged on. */
  year: z.number(),
});

/** An OCOP product whose certificate ends within 30 days: to re-evaluate before it lapses. */
export const ocopExpiryTaskSchema = z.object({
  ...taskBase,
  kind: z.literal("ocop_expiry"),
  productId: z.number(),
  productName: z.string(),
  stars: z.number(),
  /** The first day the certificate is no longer valid. */
  expiresOn: isoDateSchema,
  daysLeft: z.number(),
});

/** Residents' comments on a posted dossier waiting for the user to approve or hide them. */
export const feedbackPendingTaskSchema = z.object({
  ...taskBase,
  kind: z.literal("feedback_pending"),
  dossierId: z.number(),
  pending: z.number(),
});

export const taskSchema = z.discriminatedUnion("kind", [
  dossierStepTaskSchema,
  reportTaskSchema,
  reportReminderTaskSchema,
  obstacleTaskSchema,
  missingValuesTaskSchema,
  targetTaskSchema,
  ocopExpiryTaskSchema,
  feedbackPendingTaskSchema,
]);
export type TaskDto = z.infer<typeof taskSchema>;

export const myTasksResponseSchema = z.object({
  /** Today in Viet Nam, the date "overdue" is judged on. */
  today: isoDateSchema,
  /** The current year, whose values are expected. */
  year: z.number(),
  counts: z.object({ total: z.number(), overdue: z.number() }),
  /** Sorted by due date, the earliest first; tasks without a due date last. */
  tasks: z.array(taskSchema),
});
export type MyTasksResponse = z.infer<typeof myTasksResponseSchema>;
