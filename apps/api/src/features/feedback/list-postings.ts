import type { Db } from "@ntm/db";
import type { PublicPostingsResponse } from "@ntm/contracts";
import { currentYear, today } from "../../shared/clock.ts";
import { findDossier } from "../dossiers/index.ts";
import { notPublished } from "../public/index.ts";
import { findDescendantsOn, findUnitOn } from "../units/index.ts";
import { countFeedbackByDossier, findPostedDossiers } from "./feedback.repository.ts";
import { describePosting } from "./posted-dossier.ts";
import { postingsPublished } from "./publication-gate.ts";

/**
 * The dossiers of a province now in their public posting period, for residents: only when the
 * province publishes this kind of data this year, and of those only the dossiers of a year it
 * publishes whose period is running.
 */
export async function listPostings(
  db: Db,
  options: { provinceCode: string; now: Date },
): Promise<PublicPostingsResponse> {
  const { provinceCode, now } = options;
  const day = today(now);
  const province = await findUnitOn(db, provinceCode, day);
  if (province?.level !== "province") throw notPublished();
  if (!(await postingsPublished(db, provinceCode, currentYear(now)))) {
    throw notPublished();
  }
  const units = await findDescendantsOn(db, provinceCode, day);
  const ids = await findPostedDossiers(
    db,
    units.filter((unit) => unit.level === "commune").map((unit) => unit.code),
  );
  const postings: PublicPostingsResponse["postings"] = [];
  const counts = await countFeedbackByDossier(
    db,
    ids.map((row) => row.id),
  );
  for (const { id } of ids) {
    const row = await findDossier(db, id);
    if (!row) continue;
    const posted = await describePosting(db, row, now);
    if (!posted.window.open) continue;
    if (!(await postingsPublished(db, provinceCode, row.year))) continue;
    postings.push({
      dossierId: row.id,
      communeName: posted.communeName,
      year: row.year,
      levelName: posted.levelName,
      from: posted.window.from,
      to: posted.window.to,
      approvedComments: counts.get(row.id)?.approved ?? 0,
    });
  }
  return { provinceCode, provinceName: province.name, today: day, postings };
}
