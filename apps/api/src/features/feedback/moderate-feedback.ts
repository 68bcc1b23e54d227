import type { Db } from "@ntm/db";
import { moderate, type ModerationAction } from "@ntm/domain";
import type { FeedbackItemDto, ModerationInput } from "@ntm/contracts";
import { AppError, invalid, notFound } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import type { AuthUser } from "../auth/index.ts";
import { findDossier } from "../dossiers/index.ts";
import { findUnitResource } from "../units/index.ts";
import { lockFeedback, updateModeration } from "./feedback.repository.ts";
import { today } from "../../shared/clock.ts";
import { toItem } from "./list-feedback.ts";

const feedbackNotFound = (id: number) =>
  notFound(`Không tìm thấy ý kiến số ${id}.`, `Comment ${id} not found.`);

/**
 * Approves a resident's comment (it then counts on the public page) or hides it with a reason,
 * as the domain's moderation rule allows; the change and its reason go to the audit trail.
 */
export async function moderateFeedback(
  db: Db,
  options: { user: AuthUser; id: number; input: ModerationInput; now: Date },
): Promise<FeedbackItemDto> {
  const { user, id, input, now } = options;
  return db.transaction(async (tx) => {
    const row = await lockFeedback(tx, id);
    if (!row) throw feedbackNotFound(id);
    const { unit, resource } = await findUnitResource(tx, row.unitCode, today(now));
    assertCan(user, "feedback.read", resource);
    assertCan(user, "feedback.moderate", resource);
    const action: ModerationAction =
      input.action === "approve" ? { kind: "approve" } : { kind: "hide", reason: input.reason };
    const result = moderate(row.status, action);
    if (!result.ok) {
      if (result.code === "reason_required") {
        throw invalid(result.reason, "Give the reason for hiding the comment.", [
          { path: "reason", message: result.reason },
        ]);
      }
      throw new AppError({
        code: "CONFLICT",
        vi: result.reason,
        en: "The comment already has this status.",
      });
    }
    await updateModeration(tx, id, {
      status: result.status,
      hideReason: result.reason,
      moderatedAt: now,
      by: user.username,
    });
    await recordAudit(tx, {
      kind: "feedback.moderate",
      by: user,
      key: `feedback/${id}`,
      unitCode: row.unitCode,
      old: { status: row.status, hideReason: row.hideReason },
      new: { status: result.status, hideReason: result.reason, dossierId: row.dossierId },
    });
    const year = (await findDossier(tx, row.dossierId))?.year ?? 0;
    return toItem(
      {
        ...row,
        status: result.status,
        hideReason: result.reason,
        moderatedAt: now,
        moderatedBy: user.username,
      },
      unit,
      year,
      true,
    );
  });
}
