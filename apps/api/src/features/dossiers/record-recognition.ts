import type { DbOrTx } from "@ntm/db";
import type { DossierEvent } from "@ntm/domain";
import { findLatestUnit } from "../units/index.ts";
import {
  endRecognition,
  findOpenRecognition,
  insertRecognition,
  type DossierRow,
} from "./dossiers.repository.ts";
import { refuseDuplicateRecognition } from "./duplicate-recognition.ts";

/**
 * Writes a dossier's decisions into the unit's level history, in the step's transaction: a
 * recognition opens a level (ending the one it replaces), a revocation ends the level in force.
 */
export async function recordLevelChanges(tx: DbOrTx, row: DossierRow, events: DossierEvent[]) {
  for (const event of events) {
    if (event.type === "recognised") {
      await refuseDuplicateRecognition(tx, {
        unitCode: row.unitCode,
        unitName: (await findLatestUnit(tx, row.unitCode))?.name ?? row.unitCode,
        unitLevel: row.state.unitLevel,
        level: row.state.requestedLevel,
        year: row.year,
      });
      const open = await findOpenRecognition(tx, row.unitCode);
      if (open)
        await endRecognition(tx, open.id, {
          endedOn: event.decisionDate,
          endReason: "superseded",
        });
      await insertRecognition(tx, {
        unitCode: row.unitCode,
        level: row.state.requestedLevel,
        year: row.year,
        decisionNumber: event.decisionNumber,
        decisionDate: event.decisionDate,
        dossierId: row.id,
        demo: row.demo,
      });
    }
    if (event.type === "revoked") {
      const open = await findOpenRecognition(tx, row.unitCode);
      if (open) {
        await endRecognition(tx, open.id, {
          endedOn: event.decisionDate,
          endReason: "revoked",
          revokedByDecision: event.decisionNumber,
          revocationDossierId: row.id,
        });
      }
    }
  }
}
