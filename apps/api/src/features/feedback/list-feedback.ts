import type { Db } from "@ntm/db";
import type { FeedbackStatus } from "@ntm/domain";
import type { FeedbackItemDto, FeedbackListResponse } from "@ntm/contracts";
import { allows } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { findDossier } from "../dossiers/index.ts";
import { findFeedbackOf, type FeedbackRow } from "./feedback.repository.ts";
import { feedbackScope } from "./feedback-scope.ts";

export function toItem(
  row: FeedbackRow,
  unit: { name: string },
  year: number,
  canModerate: boolean,
): FeedbackItemDto {
  return {
    id: row.id,
    dossierId: row.dossierId,
    unit: { code: row.unitCode, name: unit.name },
    year,
    authorName: row.authorName,
    contact: row.contact,
    text: row.body,
    status: row.status,
    hideReason: row.hideReason,
    createdAt: row.createdAt.toISOString(),
    moderatedAt: row.moderatedAt?.toISOString() ?? null,
    moderatedBy: row.moderatedBy,
    canModerate,
  };
}

/**
 * The moderation queue: residents' comments on the dossiers of the user's scope that the access
 * policy lets the user read, newest first, with the counts by status.
 */
export async function listFeedback(
  db: Db,
  options: {
    user: AuthUser;
    now: Date;
    status?: FeedbackStatus | undefined;
    dossierId?: number | undefined;
  },
): Promise<FeedbackListResponse> {
  const { user } = options;
  const scope = await feedbackScope(db, user, options.now);
  const rows = await findFeedbackOf(db, {
    unitCodes: scope.codes,
    dossierId: options.dossierId,
  });
  const years = new Map<number, number>();
  const counts = { pending: 0, approved: 0, hidden: 0 };
  const items: FeedbackItemDto[] = [];
  for (const row of rows) {
    const unit = await scope.unitOf(row.unitCode);
    if (!allows(user, "feedback.read", unit.resource)) continue;
    counts[row.status] += 1;
    if (options.status && row.status !== options.status) continue;
    if (!years.has(row.dossierId)) {
      years.set(row.dossierId, (await findDossier(db, row.dossierId))?.year ?? 0);
    }
    items.push(
      toItem(
        row,
        unit,
        years.get(row.dossierId) ?? 0,
        allows(user, "feedback.moderate", unit.resource),
      ),
    );
  }
  return { counts, items };
}
