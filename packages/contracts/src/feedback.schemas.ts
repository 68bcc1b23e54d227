import { z } from "zod";
import { isoDateSchema } from "./api.schemas.ts";

export const feedbackTextMin = 10;
export const feedbackTextMax = 2000;

/**
 * A resident's comment on a posted dossier. `website` is a field people never see (hidden from
 * screens and screen readers); a program filling every field fills it, and its comment is dropped.
 */
export const feedbackInputSchema = z.object({
  name: z.string().trim().max(100, "Họ và tên tối đa 100 ký tự").optional().default(""),
  contact: z
    .string()
    .trim()
    .max(120, "Số điện thoại hoặc địa chỉ liên hệ tối đa 120 ký tự")
    .optional()
    .default(""),
  text: z
    .string({ error: "Hãy nhập ý kiến của bạn" })
    .trim()
    .min(feedbackTextMin, `Ý kiến cần ít nhất ${feedbackTextMin} ký tự`)
    .max(feedbackTextMax, `Ý kiến tối đa ${feedbackTextMax} ký tự`),
  website: z.string().max(500).optional().default(""),
});
export type FeedbackInput = z.input<typeof feedbackInputSchema>;

export const feedbackAcceptedSchema = z.object({ received: z.literal(true) });

/** A dossier of the province now posted for residents' comments, as the public page lists it. */
export const publicPostingSchema = z.object({
  dossierId: z.number(),
  communeName: z.string(),
  year: z.number(),
  /** The level asked for, in words ("xã đạt chuẩn nông thôn mới"). */
  levelName: z.string(),
  from: isoDateSchema,
  to: isoDateSchema,
  /** Comments the commune or province approved; pending and hidden ones are not counted. */
  approvedComments: z.number(),
});
export type PublicPostingDto = z.infer<typeof publicPostingSchema>;

export const publicPostingsResponseSchema = z.object({
  provinceCode: z.string(),
  provinceName: z.string(),
  today: isoDateSchema,
  postings: z.array(publicPostingSchema),
});
export type PublicPostingsResponse = z.infer<typeof publicPostingsResponseSchema>;

export const feedbackStatuses = ["pending", "approved", "hidden"] as const;

export const feedbackItemSchema = z.object({
  id: z.number(),
  dossierId: z.number(),
  unit: z.object({ code: z.string(), name: z.string() }),
  year: z.number(),
  authorName: z.string().nullable(),
  contact: z.string().nullable(),
  text: z.string(),
  status: z.enum(feedbackStatuses),
  hideReason: z.string().nullable(),
  createdAt: z.string(),
  moderatedAt: z.string().nullable(),
  moderatedBy: z.string().nullable(),
  /** Whether the signed-in user may approve or hide it. */
  canModerate: z.boolean(),
});
export type FeedbackItemDto = z.infer<typeof feedbackItemSchema>;

export const feedbackListResponseSchema = z.object({
  counts: z.object({ pending: z.number(), approved: z.number(), hidden: z.number() }),
  items: z.array(feedbackItemSchema),
});
export type FeedbackListResponse = z.infer<typeof feedbackListResponseSchema>;

export const feedbackListQuerySchema = z.object({
  status: z.enum(feedbackStatuses).optional(),
  dossier: z.coerce.number().int().positive().optional(),
});

export const moderationInputSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("approve") }),
  z.object({
    action: z.literal("hide"),
    reason: z.string().trim().max(500, "Lý do tối đa 500 ký tự"),
  }),
]);
export type ModerationInput = z.infer<typeof moderationInputSchema>;

/** What the dossier page shows on its public posting step. */
export const dossierFeedbackSummarySchema = z.object({
  approved: z.number(),
  pending: z.number(),
  hidden: z.number(),
  window: z.object({
    open: z.boolean(),
    from: isoDateSchema.nullable(),
    to: isoDateSchema.nullable(),
    reason: z.string(),
  }),
  canRead: z.boolean(),
});
export type DossierFeedbackSummary = z.infer<typeof dossierFeedbackSummarySchema>;
