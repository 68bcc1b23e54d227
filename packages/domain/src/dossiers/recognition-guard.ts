import { formatDateVi } from "../calendar/dates.ts";
import { requestedLevelNames, type DossierUnitLevel, type RequestedLevel } from "./regime.ts";

/** A recognition decision a unit holds, as its level history records it. */
export interface HeldRecognition {
  level: string;
  year: number;
  decisionNumber: string;
  decisionDate: string;
  /** The day it ended (revoked, superseded); null while it is in force. */
  endedOn: string | null;
}

/**
 * Why a unit may not be recognised again: it already holds a decision, still in force, for the
 * same level and year. Recognising it twice would end ("supersede") its own recognition. Null
 * when nothing stands in the way. A new year or another level is a new recognition.
 */
export function duplicateRecognition(
  held: readonly HeldRecognition[],
  request: { unitName: string; unitLevel: DossierUnitLevel; level: RequestedLevel; year: number },
): string | null {
  const same = held.find(
    (item) => item.endedOn === null && item.level === request.level && item.year === request.year,
  );
  if (!same) return null;
  const levelName = requestedLevelNames[request.unitLevel][request.level] ?? request.level;
  return `${request.unitName} đã được công nhận ${levelName} năm ${request.year} (Quyết định số ${same.decisionNumber} ngày ${formatDateVi(same.decisionDate)}), quyết định còn hiệu lực: không xét công nhận lại cùng mức, cùng năm.`;
}
