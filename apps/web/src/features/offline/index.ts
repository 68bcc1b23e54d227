/** Public API of the offline feature: device drafts, the outbox and the link's state. */
export {
  deviceDb,
  draftKey,
  type AssessmentKey,
  type DraftRow,
  type EvidenceRow,
} from "./device-db.ts";
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
export { useLive } from "./use-live.ts";
export { useSyncStatus } from "./use-sync-status.ts";
