import type { DbOrTx } from "@ntm/db";
import { addDays, mergerRecognition, type RequestedLevel } from "@ntm/domain";
import type { LineageDto } from "@ntm/contracts";
import { findLatestUnit, findSuccessorLinks } from "../units/index.ts";
import { findRecognisedOn } from "./dossiers.repository.ts";

/**
 * The unit versions merged into the latest version of a unit, with the level each held the day
 * before. A predecessor may carry the same code (new 23344 formed from old 23344 and others).
 */
export async function lineageOf(db: DbOrTx, unitCode: string): Promise<LineageDto> {
  const unit = await findLatestUnit(db, unitCode);
  const links = (await findSuccessorLinks(db, unitCode)).filter(
    (link) => link.successorCode === unitCode && link.successorValidFrom === unit?.validFrom,
  );
  if (links.length === 0) return { predecessors: [], merger: null };
  const levels = new Map<string, RequestedLevel>();
  for (const link of links) {
    const held = await findRecognisedOn(
      db,
      [link.predecessorCode],
      addDays(link.effectiveDate, -1),
    );
    const level = held[0]?.level as RequestedLevel | undefined;
    if (level) levels.set(link.predecessorCode, level);
  }
  const predecessors = links
    .map((link) => ({
      code: link.predecessorCode,
      name: link.predecessorName ?? link.predecessorCode,
      effectiveDate: link.effectiveDate,
      kind: link.kind,
      recognisedLevel: levels.get(link.predecessorCode) ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, "vi"));
  return {
    predecessors,
    merger: mergerRecognition(
      predecessors.map((p) => ({
        code: p.code,
        name: p.name,
        recognisedLevel: p.recognisedLevel as RequestedLevel | null,
      })),
    ),
  };
}
