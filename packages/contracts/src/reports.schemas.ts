import { z } from "zod";
import { cadences, obstacleLevels } from "@ntm/domain";
import { idSchema, isoDateSchema, yearSchema } from "./api.schemas.ts";
import { errorBodySchema } from "./errors.ts";

/* ---------- import and export of values ---------- */
export const importCellErrorSchema = z.object({
  /** "Số liệu!D7", or "dòng 12" for CSV. */
  cell: z.string(),
  row: z.number().int(),
  column: z.string(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  indicatorCode: z.string().nullable(),
  indicatorName: z.string().nullable(),
  message: z.string(),
});
export type ImportCellError = z.infer<typeof importCellErrorSchema>;

export const importUnitChangeSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  year: z.number().int(),
  valuesChanged: z.number().int(),
  criteriaMetBefore: z.number().int().nullable(),
  criteriaMetAfter: z.number().int().nullable(),
  criteriaTotal: z.number().int().nullable(),
  levelBefore: z.string().nullable(),
  levelAfter: z.string().nullable(),
});

export const importReportSchema = z.object({
  ok: z.boolean(),
  dryRun: z.boolean(),
  format: z.enum(["wide", "long"]),
  sheet: z.string().nullable(),
  rows: z.number().int(),
  values: z.number().int(),
  valuesChanged: z.number().int(),
  units: z.number().int(),
  errorCount: z.number().int(),
  /** The first errors (at most 500); `errorCount` has the total. */
  errors: z.array(importCellErrorSchema),
  changes: z.array(importUnitChangeSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** The answer (422) to a file with wrong cells: an error naming their count, and the report. */
export const importRejectedSchema = errorBodySchema.extend({ report: importReportSchema });
export type ImportRejected = z.infer<typeof importRejectedSchema>;

export const templateQuerySchema = z.object({ unit: z.string().min(1), year: yearSchema });
export const exportQuerySchema = templateQuerySchema.extend({
  format: z.enum(["xlsx", "csv"]).default("xlsx"),
});

/* ---------- report types and submissions ---------- */
export const dueRuleSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("dayOfNextMonth"),
    day: z.number().int().min(1).max(31),
    moveToWorkingDay: z.boolean().optional(),
  }),
  z.object({ kind: z.literal("workingDaysAfter"), days: z.number().int().min(1).max(90) }),
  z.object({ kind: z.literal("fixedDate"), date: isoDateSchema }),
]);

export const submitterLevelSchema = z.enum(["district", "commune", "department"]);

export const reportTypeInputSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/, "Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang"),
  name: z.string().trim().min(3, "Nhập tên loại báo cáo").max(200),
  cadence: z.enum(cadences),
  dueRule: dueRuleSchema,
  submitterLevel: submitterLevelSchema,
  legalBasis: z.string().trim().max(300).optional(),
});
export type ReportTypeInput = z.infer<typeof reportTypeInputSchema>;

export const reportTypeSchema = reportTypeInputSchema.extend({
  id: z.number().int(),
  receiverUnitCode: z.string(),
  cadenceName: z.string(),
  dueRuleText: z.string(),
  legalBasis: z.string().nullable(),
});
export type ReportTypeDto = z.infer<typeof reportTypeSchema>;

export const reportFiguresSchema = z.object({
  year: z.number().int(),
  asOf: z.string(),
  communes: z.number().int(),
  communesAssessed: z.number().int(),
  averageCriteriaMet: z.number().nullable(),
  byLevel: z.object({
    standard: z.number().int(),
    advanced: z.number().int(),
    model: z.number().int(),
  }),
  changes: z.array(
    z.object({
      unitCode: z.string(),
      unitName: z.string(),
      criteriaMet: z.number().int(),
      previous: z.number().int().nullable(),
    }),
  ),
  valuesUpdated: z.number().int(),
  obstaclesOpen: z.number().int(),
  obstaclesOverdue: z.number().int(),
  /** Targets of the unit and the units below it, by status (absent in reports drafted before). */
  targets: z
    .object({
      total: z.number().int(),
      met: z.number().int(),
      onTrack: z.number().int(),
      atRisk: z.number().int(),
      offTrack: z.number().int(),
      noData: z.number().int(),
    })
    .nullable()
    .optional(),
  /** Commune plans of the period's year: money needed and money allocated, in đồng. */
  planMoney: z
    .object({
      year: z.number().int(),
      communesWithPlan: z.number().int(),
      investment: z.number(),
      funded: z.number(),
    })
    .nullable()
    .optional(),
  /** Remarks on the figures (an older assessment year, a module without data). */
  notes: z.array(z.string()),
});
export type ReportFigures = z.infer<typeof reportFiguresSchema>;

export const timelinessSchema = z.enum(["on_time", "late", "missing", "pending"]);

export const reportSubmissionSchema = z.object({
  id: z.number().int(),
  typeId: z.number().int(),
  typeName: z.string(),
  periodKey: z.string(),
  periodLabel: z.string(),
  dueDate: isoDateSchema,
  unitCode: z.string(),
  unitName: z.string(),
  departmentCode: z.string().nullable(),
  state: z.enum(["draft", "submitted", "returned"]),
  timeliness: timelinessSchema,
  timelinessReason: z.string(),
  narrative: z.string(),
  figures: reportFiguresSchema.nullable(),
  submittedAt: z.string().nullable(),
  submittedBy: z.string().nullable(),
  returnReason: z.string().nullable(),
  version: z.number().int(),
  canSubmit: z.boolean(),
  canReturn: z.boolean(),
  /** The submitter and the receiver read a report; others see only its state and timeliness. */
  canRead: z.boolean(),
  /** An office above the submitter may remind it ("Nhắc nộp") while it is not submitted. */
  canRemind: z.boolean(),
  /** The last day someone reminded the submitter by hand, if ever. */
  remindedOn: isoDateSchema.nullable(),
});
export type ReportSubmissionDto = z.infer<typeof reportSubmissionSchema>;

export const reportsQuerySchema = z.object({
  period: z.string().optional(),
  unit: z.string().optional(),
  type: idSchema.optional(),
});

export const submitInputSchema = z.object({
  narrative: z.string().max(20000).default(""),
  version: z.number().int().min(0),
});
export const returnInputSchema = z.object({
  reason: z.string().trim().min(5, "Ghi rõ lý do trả lại (ít nhất 5 ký tự)").max(2000),
});
export const generateInputSchema = z.object({
  typeId: z.number().int(),
  period: z.string().min(4),
});

export const openPeriodsResultSchema = z.object({
  /** The date the periods were opened for (periods ended before it). */
  date: isoDateSchema,
  /** Submissions created in all. */
  submissions: z.number().int(),
  periods: z.array(
    z.object({
      typeId: z.number().int(),
      typeName: z.string(),
      periodKey: z.string(),
      periodLabel: z.string(),
      dueDate: isoDateSchema,
      submissions: z.number().int(),
    }),
  ),
});
export type OpenPeriodsResult = z.infer<typeof openPeriodsResultSchema>;

export const ratesQuerySchema = z.object({
  type: idSchema,
  period: z.string().optional(),
  /** The year whose periods the board shows; the current year by default. */
  year: yearSchema.optional(),
});

/** "Nhắc nộp": the reports whose submitters are reminded, all or none. */
export const remindInputSchema = z.object({
  ids: z
    .array(idSchema)
    .min(1, "Chọn ít nhất một báo cáo để nhắc")
    .max(500, "Mỗi lần nhắc tối đa 500 báo cáo"),
});

export const remindResultSchema = z.object({
  /** The reports reminded now: shown on their submitters' "Việc của tôi", and mailed. */
  reminded: z.array(
    z.object({
      submissionId: z.number().int(),
      unitName: z.string(),
      /** E-mails queued (one per submitter address; 0 without addresses or without SMTP). */
      mails: z.number().int(),
    }),
  ),
  /** Reports already reminded today: nothing is sent again. */
  alreadyToday: z.array(z.number().int()),
  /** Reports whose submitters gave no e-mail address: reminded in the app only. */
  withoutAddress: z.number().int(),
});
export type RemindResult = z.infer<typeof remindResultSchema>;

/** "Xuất Excel các dòng đã chọn": the ids of the rows, comma-separated. */
export const reportsExportQuerySchema = z.object({
  ids: z
    .string()
    .regex(/^\d{1,9}(,\d{1,9}){0,499}$/, "Danh sách báo cáo không hợp lệ (tối đa 500 mã số)"),
});

export const rateRowSchema = z.object({
  unitCode: z.string(),
  unitName: z.string(),
  departmentCode: z.string().nullable(),
  cells: z.array(
    z.object({
      periodKey: z.string(),
      submissionId: z.number().int(),
      timeliness: timelinessSchema,
      state: z.string(),
      reason: z.string(),
    }),
  ),
});
export const ratesResponseSchema = z.object({
  type: reportTypeSchema,
  periods: z.array(z.object({ key: z.string(), label: z.string(), dueDate: isoDateSchema })),
  rows: z.array(rateRowSchema),
  totals: z.object({
    expected: z.number().int(),
    onTime: z.number().int(),
    late: z.number().int(),
    missing: z.number().int(),
    pending: z.number().int(),
    onTimeRate: z.number().nullable(),
  }),
});
export type RatesResponse = z.infer<typeof ratesResponseSchema>;

export const consolidatedQuerySchema = z.object({
  type: idSchema,
  period: z.string().min(4),
  format: z.enum(["docx", "xlsx"]).default("docx"),
});

export const reminderSchema = z.object({
  submissionId: z.number().int(),
  kind: z.enum(["due_soon", "overdue"]),
  message: z.string(),
});
export type ReminderDto = z.infer<typeof reminderSchema>;

/* ---------- obstacles ---------- */
export const obstacleInputSchema = z.object({
  unitCode: z.string().min(1),
  title: z.string().trim().min(5, "Nêu ngắn gọn khó khăn, vướng mắc (ít nhất 5 ký tự)").max(300),
  description: z.string().trim().max(5000).default(""),
  criterionCodes: z.array(z.string().min(1)).max(30).default([]),
  indicatorCodes: z.array(z.string().min(1)).max(100).default([]),
  planItem: z.string().trim().max(300).optional(),
  dueDate: isoDateSchema,
});
export type ObstacleInput = z.infer<typeof obstacleInputSchema>;

export const escalateInputSchema = z.object({
  to: z.enum(obstacleLevels).optional(),
  note: z.string().trim().min(5, "Ghi lý do chuyển cấp trên (ít nhất 5 ký tự)").max(2000),
});
export const resolveInputSchema = z.object({
  answer: z.string().trim().min(3, "Ghi nội dung trả lời, cách giải quyết").max(5000),
});
export const obstaclesQuerySchema = z.object({
  status: z.enum(["open", "escalated", "resolved", "unresolved"]).optional(),
  criterion: z.string().optional(),
  department: z.string().optional(),
  overdue: z.enum(["true", "false"]).optional(),
  unit: z.string().optional(),
});

export const obstacleEventSchema = z.object({
  at: z.string(),
  username: z.string(),
  action: z.string(),
  fromHolder: z.string().nullable(),
  toHolder: z.string().nullable(),
  note: z.string(),
  /** Hours since the previous event: how long that hand-over took. */
  hoursSincePrevious: z.number().nullable(),
});

export const obstacleSchema = z.object({
  id: z.number().int(),
  unitCode: z.string(),
  unitName: z.string(),
  title: z.string(),
  description: z.string(),
  criterionCodes: z.array(z.string()),
  indicatorCodes: z.array(z.string()),
  planItem: z.string().nullable(),
  departmentCode: z.string().nullable(),
  status: z.enum(["open", "escalated", "resolved"]),
  holder: z.enum(obstacleLevels),
  holderName: z.string(),
  owner: z.string(),
  dueDate: isoDateSchema,
  overdue: z.boolean(),
  raisedBy: z.string(),
  raisedAt: z.string(),
  resolvedAt: z.string().nullable(),
  answer: z.string().nullable(),
  canEscalate: z.boolean(),
  canResolve: z.boolean(),
  events: z.array(obstacleEventSchema),
});
export type ObstacleDto = z.infer<typeof obstacleSchema>;
