// Residents' feedback on posted dossiers; every table is re-exported by schema.ts.
import { index, integer, pgTable, serial, text, timestamp } from "drizzle-orm/pg-core";
import { dossiers } from "./schema-dossiers.ts";

/** A resident's comment on a dossier during its public posting, and how it was moderated. */
export const dossierFeedback = pgTable(
  "dossier_feedback",
  {
    id: serial("id").primaryKey(),
    dossierId: integer("dossier_id")
      .notNull()
      .references(() => dossiers.id),
    /** The dossier's unit and its province when the comment came (the moderation queue's scope). */
    unitCode: text("unit_code").notNull(),
    provinceCode: text("province_code").notNull(),
    /** Optional, as the resident gave them; never shown on the public page. */
    authorName: text("author_name"),
    contact: text("contact"),
    body: text("body").notNull(),
    /** pending | approved | hidden (the domain's `FeedbackStatus`). */
    status: text("status").notNull().default("pending"),
    hideReason: text("hide_reason"),
    moderatedAt: timestamp("moderated_at", { withTimezone: true }),
    moderatedBy: text("moderated_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    index("dossier_feedback_dossier_idx").on(t.dossierId, t.status),
    index("dossier_feedback_province_idx").on(t.provinceCode, t.status),
  ],
);

/**
 * Feedback sent per client address and per dossier in the current window, in the database so
 * that every server behind the proxy counts the same sends. Keys hold a hash, never the address.
 */
export const feedbackRateCounters = pgTable("feedback_rate_counters", {
  key: text("key").primaryKey(),
  count: integer("count").notNull(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
});
