import type { Db } from "@ntm/db";
import { formatDateVi } from "@ntm/domain";
import type { z } from "zod";
import type { feedbackInputSchema } from "@ntm/contracts";
import { AppError } from "../../http/app-error.ts";
import {
  deleteOldSendCounters,
  insertFeedback,
  lockSendCounters,
  saveSendCounter,
} from "./feedback.repository.ts";
import { findPublicDossier } from "./posted-dossier.ts";
import { decideSend, sendKeys } from "./send-limit.ts";

const dayMs = 24 * 60 * 60_000;

/** Too many comments from one address or on one dossier: 429 with the wait, in Vietnamese. */
export class TooManySends extends AppError {
  readonly retryAfterSeconds: number;
  constructor(retryAfterMs: number, kind: "address" | "dossier") {
    const minutes = Math.max(1, Math.ceil(retryAfterMs / 60_000));
    super({
      code: "RATE_LIMITED",
      vi:
        kind === "address"
          ? `Bạn đã gửi nhiều ý kiến trong một giờ. Hãy gửi lại sau ${minutes} phút.`
          : `Hồ sơ này vừa nhận rất nhiều ý kiến. Hãy gửi lại sau ${minutes} phút.`,
      en:
        kind === "address"
          ? `You have sent several comments within an hour. Send again in ${minutes} minutes.`
          : `This dossier has just received very many comments. Send again in ${minutes} minutes.`,
    });
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}

/**
 * A resident's comment on a posted dossier, kept pending until the commune or province approves
 * it. The dossier must be public and its posting period running (409 otherwise). Each send counts
 * against its address and its dossier first, in the same transaction as the comment, so servers
 * sharing the database share the limit. A comment whose hidden field is filled came from a
 * program: it is counted and answered as received, but not kept.
 */
export async function submitFeedback(
  db: Db,
  options: {
    dossierId: number;
    input: z.output<typeof feedbackInputSchema>;
    address: string;
    now: Date;
  },
) {
  const { input, now } = options;
  const posted = await findPublicDossier(db, options.dossierId, now);
  if (!posted.window.open) {
    throw new AppError({
      code: "CONFLICT",
      vi: `Hồ sơ của ${posted.communeName} không nhận ý kiến lúc này: ${posted.window.reason}`,
      en: `The dossier of ${posted.communeName} takes no comments now${
        posted.window.to ? ` (its posting period ends ${formatDateVi(posted.window.to)})` : ""
      }.`,
    });
  }
  const keys = sendKeys(options.address, posted.row.id);
  await db.transaction(async (tx) => {
    const counters = await lockSendCounters(tx, [keys.address, keys.dossier], now);
    for (const kind of ["address", "dossier"] as const) {
      const decision = decideSend(kind, counters.get(keys[kind]), now);
      if (!decision.allowed) throw new TooManySends(decision.retryAfterMs, kind);
      await saveSendCounter(tx, keys[kind], decision.next);
    }
    if (input.website.trim() !== "") return;
    await insertFeedback(tx, {
      dossierId: posted.row.id,
      unitCode: posted.row.unitCode,
      provinceCode: posted.provinceCode,
      authorName: input.name || null,
      contact: input.contact || null,
      body: input.text,
      status: "pending",
      createdAt: now,
    });
  });
  await deleteOldSendCounters(db, new Date(now.getTime() - dayMs));
  return { received: true as const };
}
