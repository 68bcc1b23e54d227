import type { Db, DbOrTx } from "@ntm/db";
import { currentDue, endOfYear, roleNames, type RegimeConfig, type StepCode } from "@ntm/domain";
import type { BatchDto, DossierSummaryDto, RecognitionHistoryDto } from "@ntm/contracts";
import { notFound } from "../../http/app-error.ts";
import * as clock from "../../shared/clock.ts";
import { publicHolidays } from "../../shared/holidays.ts";
import { findLatestUnit, findUnitOn } from "../units/index.ts";
import { loadRegimes, type RegimeRegistry } from "./dossier-regimes.service.ts";
import {
  findBatches,
  type BatchRow,
  type DossierRow,
  type RecognitionRow,
} from "./dossiers.repository.ts";

/** The regime version a dossier was filed under. */
export function regimeOf(registry: RegimeRegistry, row: DossierRow): RegimeConfig {
  return registry.get(row.regimeCode, row.regimeVersion);
}

export const dossierNotFound = (id: number) =>
  notFound(`Không tìm thấy hồ sơ số ${id}.`, `Dossier ${id} not found.`);

export function toBatchDto(row: BatchRow): BatchDto {
  return {
    id: row.id,
    provinceCode: row.provinceCode,
    name: row.name,
    year: row.year,
    deadline: row.deadline,
  };
}

export function toHistoryDto(row: RecognitionRow): RecognitionHistoryDto {
  return {
    id: row.id,
    unitCode: row.unitCode,
    level: row.level,
    year: row.year,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    dossierId: row.dossierId,
    endedOn: row.endedOn,
    endReason: row.endReason,
    revokedByDecision: row.revokedByDecision,
    signer: row.signer,
    basis: row.basis,
  };
}

/** A dossier in a list: its step, who acts on it, and the due date of the step under its batch. */
export function summarise(
  registry: RegimeRegistry,
  row: DossierRow,
  unitName: string,
  batch: BatchRow | undefined,
  today: string,
): DossierSummaryDto {
  const regime = regimeOf(registry, row);
  const step = regime.steps[row.state.currentStep] ?? regime.steps[0];
  const due = batch ? currentDue(row.state, regime, batch.deadline, today, publicHolidays()) : null;
  return {
    id: row.id,
    kind: row.state.kind,
    unitCode: row.unitCode,
    unitName,
    year: row.year,
    requestedLevel: row.requestedLevel,
    status: row.state.status,
    currentStep: step?.code as StepCode,
    currentStepName: step?.name ?? "",
    actingRole: step ? roleNames[step.actingRole] : "",
    round: row.state.round,
    batch: batch ? toBatchDto(batch) : null,
    due: due?.due ?? null,
    overdue: due?.overdue ?? false,
    demo: row.demo,
  };
}

/** Each dossier's commune under the name it bore in the dossier's year (codes were reused in 2025). */
async function unitNames(db: DbOrTx, rows: DossierRow[]) {
  const names = new Map<string, string>();
  for (const row of rows) {
    const key = `${row.unitCode}/${row.year}`;
    if (names.has(key)) continue;
    const unit =
      (await findUnitOn(db, row.unitCode, endOfYear(row.year))) ??
      (await findLatestUnit(db, row.unitCode));
    names.set(key, unit?.name ?? row.unitCode);
  }
  return names;
}

export async function summariseMany(db: Db, rows: DossierRow[], now: Date) {
  const names = await unitNames(db, rows);
  const batches = new Map((await findBatches(db)).map((batch) => [batch.id, batch]));
  const today = clock.today(now);
  const registry = await loadRegimes(db);
  return rows.map((row) =>
    summarise(
      registry,
      row,
      names.get(`${row.unitCode}/${row.year}`) ?? row.unitCode,
      row.batchId ? batches.get(row.batchId) : undefined,
      today,
    ),
  );
}
