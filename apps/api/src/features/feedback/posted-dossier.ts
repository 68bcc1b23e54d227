import type { Db } from "@ntm/db";
import { feedbackWindow, requestedLevelNames, type FeedbackWindow } from "@ntm/domain";
import { today } from "../../shared/clock.ts";
import { findDossier, loadRegimes, regimeOf, type DossierRow } from "../dossiers/index.ts";
import { notPublished } from "../public/index.ts";
import { findPathOn, findUnitOn } from "../units/index.ts";
import { postingsPublished } from "./publication-gate.ts";

export interface PostedDossier {
  row: DossierRow;
  communeName: string;
  levelName: string;
  /** The province the commune belongs to today. */
  provinceCode: string;
  window: FeedbackWindow;
}

/** A dossier as residents see it: its commune, the level asked for, and its posting window. */
export async function describePosting(db: Db, row: DossierRow, now: Date): Promise<PostedDossier> {
  const registry = await loadRegimes(db);
  const day = today(now);
  const path = await findPathOn(db, row.unitCode, day);
  const unit = await findUnitOn(db, row.unitCode, day);
  return {
    row,
    communeName: unit?.name ?? row.unitCode,
    levelName: requestedLevelNames[row.state.unitLevel][row.state.requestedLevel] ?? "",
    provinceCode: path.find((step) => step.level === "province")?.code ?? "",
    window: feedbackWindow(row.state, regimeOf(registry, row), day),
  };
}

/**
 * A dossier that residents may reach: it exists and its province publishes the dossiers in
 * public posting for the dossier's year; otherwise it is unknown to them (the 404 of every
 * unpublished read), whatever its state.
 */
export async function findPublicDossier(db: Db, id: number, now: Date) {
  const row = await findDossier(db, id);
  if (!row || row.kind !== "recognition") throw notPublished();
  const posted = await describePosting(db, row, now);
  if (!posted.provinceCode || !(await postingsPublished(db, posted.provinceCode, row.year))) {
    throw notPublished();
  }
  return posted;
}
