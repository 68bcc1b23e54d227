import type { DbOrTx } from "@ntm/db";
import type { DossierAction, ObstacleAction } from "@ntm/domain";
import { appendAuditRows } from "../features/audit/audit-chain.ts";

/**
 * The typed audit trail: every kind of audited change, what it is about and what it records, and
 * the one function that writes it. Each row joins the tamper-evident hash chain
 * (docs/decisions/0009-tamper-evident-audit-and-snapshot-backups.md).
 */

/** Who made the change: a signed-in user, or the system (id 0) for the command line and jobs. */
export interface AuditActor {
  id: number;
  username: string;
}

/** A value of an indicator as the history shows it. */
export interface ValueState {
  value: number | boolean | null;
  note: string | null;
}

/** A unit version's attributes, before and after a change. */
export interface UnitState {
  name: string;
  flags: string[];
  communeGroup: string | null;
  region: string | null;
  assessed: boolean;
  validFrom: string;
  validTo: string | null;
}

export interface UnitChange extends UnitState {
  effectiveFrom: string;
  basis: string;
  reevaluatedYears: number[];
}

/** A record the audit keeps as it was written (an API input, a plan, a target). */
export type AuditSnapshot = object;

interface AccountState {
  username: string;
  /** As stored: a role of the domain's list. */
  role: string;
  unitCode: string;
  displayName?: string;
  department?: string | null;
  active?: boolean;
}

/**
 * Per kind: the type of entity it is about (stored as `entity_type`) and the shape of `old` and
 * `new`. A kind without `old` records a creation or a one-off act.
 */
interface AuditKinds extends DossierActKinds, ObstacleActKinds {
  "assessment.value.update": { entity: "assessment_value"; old: ValueState; new: ValueState };
  /**
   * One row per value a bulk write changed (values taken from the village and OCOP registries;
   * file imports before ADR 0028), so the indicator's history shows it.
   */
  "assessment.value.import": {
    entity: "assessment_value";
    old: ValueState | null;
    new: ValueState & { source: string };
  };
  /**
   * The values a file import changed in one assessment, in one row: per indicator what it
   * replaced (null when it had no value) and what it wrote. An indicator's history reads its
   * entry out of this row (docs/decisions/0028-one-audit-row-per-imported-assessment.md).
   */
  "assessment.import": {
    entity: "assessment";
    old: Record<string, ValueState | null>;
    new: { source: string; values: Record<string, ValueState> };
  };
  /** Values written in bulk without a per-value history (demo data). */
  "assessment.values.import": {
    entity: "assessment";
    new: { values: number; source: string };
  };
  "evidence.upload": {
    entity: "assessment_value";
    new: { evidenceId: number; fileName: string; size: number };
  };
  "evidence.delete": {
    entity: "assessment_value";
    old: { evidenceId: number; fileName: string; size: number };
  };
  "catalog.import": {
    entity: "criteria_set";
    new: {
      id: number;
      name: string;
      reevaluated: number;
      basis?: { document: string; date?: string | undefined };
      effectiveFrom?: string;
      basedOn?: { code: string; version: number } | null;
    };
  };
  /** How a province carries 2021–2025 recognitions into the 2026–2030 set. */
  "catalog.carryover.set": { entity: "catalog_setting"; old: AuditSnapshot; new: AuditSnapshot };
  /** What a province makes public on its page for residents, year by year. */
  "publication.set": { entity: "publication_setting"; old: AuditSnapshot; new: AuditSnapshot };
  "units.import": { entity: "admin_units"; new: { units: number; links: number } };
  /** The reform of 1/7/2025 imported: the counts of what was created, closed and linked. */
  "units.reform.import": { entity: "admin_units"; new: AuditSnapshot };
  /** A dated change of a unit made in the app (docs/decisions/0013-dated-unit-attributes.md). */
  "unit.change": { entity: "admin_unit"; old: UnitState; new: UnitChange };
  /** A village created, renamed, dissolved or formed by a merger, from a date. */
  "village.change": { entity: "admin_unit"; old: AuditSnapshot | null; new: AuditSnapshot };
  "village.value.update": { entity: "village_value"; old: ValueState; new: ValueState };
  "village.evidence.upload": {
    entity: "village_value";
    new: { evidenceId: number; fileName: string; size: number };
  };
  "village.evidence.delete": {
    entity: "village_value";
    old: { evidenceId: number; fileName: string; size: number };
  };
  "village.recognition": {
    entity: "village_recognition";
    old: AuditSnapshot | null;
    new: AuditSnapshot;
  };
  "boundaries.import": {
    entity: "boundaries";
    new: { units: number; schematic: boolean; codes: string[] };
  };
  "target.create": { entity: "target"; new: AuditSnapshot };
  "target.update": { entity: "target"; old: AuditSnapshot; new: AuditSnapshot };
  "plan.create": { entity: "plan"; old: AuditSnapshot | null; new: AuditSnapshot };
  "plan.update": { entity: "plan"; old: AuditSnapshot | null; new: AuditSnapshot };
  "dossier_batch.create": { entity: "dossier_batches"; new: AuditSnapshot };
  "dossier.create": {
    entity: "dossiers";
    new: { kind: string; year: number; requestedLevel: string | null; batchId: number };
  };
  "dossier.upload": {
    entity: "dossier_documents";
    new: { dossierId: number; fileName: string; step: string };
  };
  "dossier_regime.import": {
    entity: "dossier_regimes";
    old: { version: number } | null;
    new: { version: number; validFrom: string; validTo: string | null };
  };
  "notification_contact.set": {
    entity: "notification_contacts";
    old: { email: string | null };
    new: { email: string | null };
  };
  "recognition.import": { entity: "recognised_levels"; new: { rows: number } };
  "recognition.merger_decision": { entity: "recognised_levels"; new: AuditSnapshot };
  "report_type.create": { entity: "report_type"; new: AuditSnapshot };
  "report_period.open": {
    entity: "report_period";
    new: { type: string; periodKey: string; dueDate: string; submissions: number };
  };
  "report.submit": {
    entity: "report_submission";
    old: { state: string };
    new: { state: "submitted"; periodKey: string; type: string };
  };
  "report.return": {
    entity: "report_submission";
    old: { state: string };
    new: { state: "returned"; reason: string };
  };
  "report.reminder_mail": {
    entity: "report_submission";
    new: { kind: string; to: string[] };
  };
  /** "Nhắc nộp": a reminder sent by hand, in the app and by e-mail. */
  "report.remind": {
    entity: "report_submission";
    new: { periodKey: string; type: string; to: string[] };
  };
  "obstacle.raise": { entity: "obstacle"; new: AuditSnapshot };
  /** The OCOP registry: a product registered, re-evaluated or revoked; a list imported; a notice. */
  "ocop.register": { entity: "ocop_product"; new: AuditSnapshot };
  "ocop.reevaluate": { entity: "ocop_product"; old: AuditSnapshot; new: AuditSnapshot };
  "ocop.revoke": { entity: "ocop_product"; old: AuditSnapshot; new: AuditSnapshot };
  "ocop.import": { entity: "ocop_product"; new: { products: number; file: string } };
  "ocop.notice": { entity: "ocop_product"; new: { certificateId: number; to: string[] } };
  /** A resident's comment on a posted dossier approved or hidden, with the reason for hiding. */
  "feedback.moderate": {
    entity: "dossier_feedback";
    old: { status: string; hideReason: string | null };
    new: { status: string; hideReason: string | null; dossierId: number };
  };
  "auth.login": { entity: "user"; new: { address: string | null } };
  "auth.login-failed": { entity: "user"; new: { address: string | null; reason: string } };
  "user.created": { entity: "user"; new: AccountState };
  "user.updated": { entity: "user"; old: Partial<AccountState>; new: Partial<AccountState> };
  "user.disabled": { entity: "user"; old: { active: boolean }; new: { active: false } };
  "user.enabled": { entity: "user"; old: { active: boolean }; new: { active: true } };
  "user.password-changed": { entity: "user"; new: { sessionsEnded: number } };
  "user.password-reset": { entity: "user"; new: { mustChangePassword: boolean } };
  "user.sessions-ended": { entity: "user"; new: { sessions: number } };
  /** Stored files no row names, removed after their grace period (the first keys listed). */
  "storage.sweep": {
    entity: "stored_files";
    new: { removed: number; keys: string[]; graceSeconds: number };
  };
  /** A whole database replaced from a backup file. */
  "data.restored": {
    entity: "database";
    new: {
      file: string;
      createdAt: string | null;
      rows: number;
      files: number;
      tables: number;
      verified: boolean;
    };
  };
}

type DossierActKinds = {
  [Type in DossierAction["type"] as `dossier.${Type}`]: {
    entity: "dossiers";
    old: { step: string | null; status: string; round: number };
    new: { step: string | null; status: string; round: number; events: string[] };
  };
};

type ObstacleActKinds = {
  [Type in ObstacleAction["type"] as `obstacle.${Type}`]: {
    entity: "obstacle";
    old: { status: string; holder: string };
    new: { status: string; holder: string; note: string };
  };
};

export type AuditKind = keyof AuditKinds;

type Changes<Shape> = (Shape extends { old: infer Old } ? { old: Old } : { old?: never }) &
  (Shape extends { new: infer New } ? { new: New } : { new?: never });

/** One audited change: its kind, who made it, what it is about, and old and new as typed. */
export type AuditEvent = {
  [Kind in AuditKind]: {
    kind: Kind;
    by: AuditActor;
    /** The changed thing within its entity type, e.g. "62010/2024/1.1" (unit/year/indicator). */
    key: string;
    /** The unit the change belongs to, for the unit's log; null for installation-wide changes. */
    unitCode: string | null;
  } & Changes<AuditKinds[Kind]>;
}[AuditKind];

const entityTypes: { [Kind in AuditKind]: AuditKinds[Kind]["entity"] } = {
  "assessment.value.update": "assessment_value",
  "assessment.value.import": "assessment_value",
  "assessment.values.import": "assessment",
  "assessment.import": "assessment",
  "evidence.upload": "assessment_value",
  "evidence.delete": "assessment_value",
  "catalog.import": "criteria_set",
  "catalog.carryover.set": "catalog_setting",
  "publication.set": "publication_setting",
  "units.import": "admin_units",
  "units.reform.import": "admin_units",
  "unit.change": "admin_unit",
  "village.change": "admin_unit",
  "village.value.update": "village_value",
  "village.evidence.upload": "village_value",
  "village.evidence.delete": "village_value",
  "village.recognition": "village_recognition",
  "boundaries.import": "boundaries",
  "target.create": "target",
  "target.update": "target",
  "plan.create": "plan",
  "plan.update": "plan",
  "dossier_batch.create": "dossier_batches",
  "dossier.create": "dossiers",
  "dossier.complete": "dossiers",
  "dossier.confirm": "dossiers",
  "dossier.return": "dossiers",
  "dossier.upload": "dossier_documents",
  "dossier_regime.import": "dossier_regimes",
  "notification_contact.set": "notification_contacts",
  "recognition.import": "recognised_levels",
  "recognition.merger_decision": "recognised_levels",
  "report_type.create": "report_type",
  "report_period.open": "report_period",
  "report.submit": "report_submission",
  "report.return": "report_submission",
  "report.reminder_mail": "report_submission",
  "report.remind": "report_submission",
  "obstacle.raise": "obstacle",
  "ocop.register": "ocop_product",
  "ocop.reevaluate": "ocop_product",
  "ocop.revoke": "ocop_product",
  "ocop.import": "ocop_product",
  "ocop.notice": "ocop_product",
  "feedback.moderate": "dossier_feedback",
  "obstacle.escalate": "obstacle",
  "obstacle.resolve": "obstacle",
  "obstacle.reopen": "obstacle",
  "auth.login": "user",
  "auth.login-failed": "user",
  "user.created": "user",
  "user.updated": "user",
  "user.disabled": "user",
  "user.enabled": "user",
  "user.password-changed": "user",
  "user.password-reset": "user",
  "user.sessions-ended": "user",
  "data.restored": "database",
  "storage.sweep": "stored_files",
};

/**
 * Writes audit rows in the caller's transaction, as the last links of the hash chain. Call it
 * with the transaction that makes the change (never the bare database handle), so the change and
 * its audit rows commit together.
 */
export async function recordAudit(tx: DbOrTx, event: AuditEvent | readonly AuditEvent[]) {
  const events: readonly AuditEvent[] = Array.isArray(event) ? event : [event as AuditEvent];
  const at = new Date();
  await appendAuditRows(
    tx,
    events.map((item) => ({
      at,
      userId: item.by.id || null,
      username: item.by.username,
      action: item.kind,
      entityType: entityTypes[item.kind],
      entityKey: item.key,
      unitCode: item.unitCode,
      oldValue: item.old ?? null,
      newValue: item.new ?? null,
    })),
  );
}
