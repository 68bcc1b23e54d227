import type { Db } from "@ntm/db";
import { feedbackWindow } from "@ntm/domain";
import type { DossierFeedbackSummary } from "@ntm/contracts";
import { notFound } from "../../http/app-error.ts";
import { allows } from "../../shared/access.ts";
import { today } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { findDossier, loadRegimes, regimeOf, requireDossierAccess } from "../dossiers/index.ts";
import { countFeedbackByDossier } from "./feedback.repository.ts";

/** What the dossier page shows on its public posting step: the comments by status and the period. */
export async function getFeedbackSummary(
  db: Db,
  options: { user: AuthUser; dossierId: number; now: Date },
): Promise<DossierFeedbackSummary> {
  const row = await findDossier(db, options.dossierId);
  if (!row) {
    throw notFound(
      `Không tìm thấy hồ sơ số ${options.dossierId}.`,
      `Dossier ${options.dossierId} not found.`,
    );
  }
  const { resource } = await requireDossierAccess(db, options.user, row);
  const registry = await loadRegimes(db);
  const window = feedbackWindow(row.state, regimeOf(registry, row), today(options.now));
  const canRead = allows(options.user, "feedback.read", resource);
  const counts = (await countFeedbackByDossier(db, [row.id])).get(row.id) ?? {
    pending: 0,
    approved: 0,
    hidden: 0,
  };
  return {
    approved: counts.approved,
    // Comments not yet approved are the moderators' business, not every reader's.
    pending: canRead ? counts.pending : 0,
    hidden: canRead ? counts.hidden : 0,
    window: { open: window.open, from: window.from, to: window.to, reason: window.reason },
    canRead,
  };
}
