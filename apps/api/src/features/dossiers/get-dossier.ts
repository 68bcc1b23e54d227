import type { Db } from "@ntm/db";
import { availableActions, recognitionConditions, stepDueDates } from "@ntm/domain";
import type { DossierDetailDto } from "@ntm/contracts";
import * as clock from "../../shared/clock.ts";
import { publicHolidays } from "../../shared/holidays.ts";
import { allows } from "../../shared/access.ts";
import { evaluateUnit } from "../assessments/index.ts";
import type { AuthUser } from "../auth/index.ts";
import { loadRegimes } from "./dossier-regimes.service.ts";
import {
  findBatch,
  findDossier,
  findDossierDocuments,
  findDossierEvents,
  findRecognitionHistory,
} from "./dossiers.repository.ts";
import { confirmableCriteria, requireDossierAccess } from "./dossier-access.ts";
import { dossierNotFound, regimeOf, summarise, toHistoryDto } from "./dossier-views.ts";
import { lineageOf } from "./lineage.ts";
import { criterionStatusAt } from "./snapshot.ts";

/**
 * A dossier as the user sees it: its steps and due dates, the conditions, what changed since the
 * snapshot, its events and files, the actions open to the user, and the unit's level history.
 */
export async function getDossier(
  db: Db,
  options: { user: AuthUser; id: number; now: Date },
): Promise<DossierDetailDto> {
  const row = await findDossier(db, options.id);
  if (!row) throw dossierNotFound(options.id);
  const { unit, resource } = await requireDossierAccess(db, options.user, row);
  const registry = await loadRegimes(db);
  const regime = regimeOf(registry, row);
  const batch = row.batchId ? await findBatch(db, row.batchId) : undefined;
  const summary = summarise(registry, row, unit.name, batch, clock.today(options.now));
  const current = await evaluateUnit(db, { unitCode: row.unitCode, year: row.year }).catch(
    () => null,
  );
  const nowStatuses = current ? criterionStatusAt(current.result, row.state.requestedLevel) : [];
  const snapshotDiff = row.state.snapshot.criteria
    .map((criterion) => ({
      criterionCode: criterion.code,
      name: criterion.name,
      atFiling: criterion.status,
      now: nowStatuses.find((c) => c.code === criterion.code)?.status ?? "missing",
    }))
    .filter((diff) => diff.atFiling !== diff.now);
  const actions = availableActions(row.state, regime, options.user);
  const confirmable = actions.confirm ? confirmableCriteria(options.user, row, resource) : [];
  // The same two rules as the upload: a workflow participant, and a role the step takes files from.
  const step = regime.steps[row.state.currentStep];
  const attach =
    step !== undefined &&
    allows(options.user, "dossier.act", resource) &&
    allows(options.user, "dossier.attach", { ...resource, step });
  const events = await findDossierEvents(db, row.id);
  const documents = await findDossierDocuments(db, row.id);
  return {
    ...summary,
    regime,
    state: row.state,
    dueDates: batch ? stepDueDates(row.state, regime, batch.deadline, publicHolidays()) : [],
    conditions: row.state.kind === "recognition" ? recognitionConditions(row.state, regime) : [],
    snapshotDiff,
    events: events.map((event) => ({
      id: event.id,
      at: event.at.toISOString(),
      username: event.username,
      role: event.role,
      type: event.type,
      step: event.step,
      round: event.round,
      payload: event.payload,
    })),
    documents: documents.map((document) => ({
      id: document.id,
      stepCode: document.stepCode,
      fileName: document.fileName,
      mimeType: document.mimeType,
      size: document.size,
      uploadedBy: document.uploadedBy,
      uploadedAt: document.uploadedAt.toISOString(),
    })),
    actions: { ...actions, confirm: actions.confirm && confirmable.length > 0, confirmable },
    can: { attach },
    history: (await findRecognitionHistory(db, [row.unitCode])).map(toHistoryDto),
    lineage: await lineageOf(db, row.unitCode),
  };
}
