/** Public API of the offline feature: device drafts, the outbox and the link's state. */
export {
  deviceDb,
  draftKey,
  queuedEvidenceOf,
  type AssessmentKey,
  type DraftRow,
  type EvidenceKey,
  type EvidenceRow,
} from "./device-db.ts";
export { evidenceUploadPath, type EvidenceTarget } from "./evidence-target.ts";
export { pendingValues, type Choice, type OutboxEntry, type OutboxValue } from "./outbox-plan.ts";
export {
  dropEntry,
  dropEvidence,
  kickSync,
  queueEvidence,
  queueValues,
  resolveEntry,
} from "./sync-engine.ts";
export type { SyncSnapshot } from "./sync-store.ts";
export { syncState, syncStateText, type SyncState } from "./sync-state.ts";
export { useLive } from "./use-live.ts";
export { useSyncStatus } from "./use-sync-status.ts";
