import { Dexie, type EntityTable } from "dexie";
import type { EvidenceTarget } from "./evidence-target.ts";
import type { OutboxEntry } from "./outbox-plan.ts";

/** What the officer typed on one indicator and has not queued yet (per user, unit, year). */
export interface DraftRow {
  /** `user|unit|year|indicator`. */
  key: string;
  user: string;
  unitCode: string;
  year: number;
  indicatorCode: string;
  /** Text for numbers (so "12," can be typed), true/false/null for yes/no; absent: value untouched. */
  input?: string | boolean | null;
  note?: string;
  /** The server's value when the change began. */
  base: number | boolean | null;
  /** Copied from last year: waits for the officer's own save, never sent on its own. */
  copied?: boolean;
  updatedAt: number;
}

/** A photo or document waiting to be uploaded: a commune's, or (with `setCode`) a village's. */
export interface EvidenceRow extends EvidenceTarget {
  seq: number;
  user: string;
  indicatorCode: string;
  file: Blob;
  name: string;
  createdAt: number;
  error?: string;
}

class DeviceDb extends Dexie {
  drafts!: EntityTable<DraftRow, "key">;
  outbox!: EntityTable<OutboxEntry, "seq">;
  evidence!: EntityTable<EvidenceRow, "seq">;

  constructor() {
    super("ntm-device");
    this.version(1).stores({
      drafts: "key, [user+unitCode+year], user",
      outbox: "++seq, user, [user+unitCode+year]",
      evidence: "++seq, user, [user+unitCode+year]",
    });
  }
}

export const deviceDb = new DeviceDb();

export interface AssessmentKey {
  user: string;
  unitCode: string;
  year: number;
}

/** Whose files, and who chose them on this device. */
export type EvidenceKey = AssessmentKey & EvidenceTarget;

/** The files waiting on the device for a commune's year, or a village's year under one set. */
export function queuedEvidenceOf(key: EvidenceKey): Promise<EvidenceRow[]> {
  return deviceDb.evidence
    .where("[user+unitCode+year]")
    .equals([key.user, key.unitCode, key.year])
    .filter((row) => row.setCode === key.setCode)
    .toArray();
}

export function draftKey(key: AssessmentKey, indicatorCode: string): string {
  return `${key.user}|${key.unitCode}|${key.year}|${indicatorCode}`;
}
