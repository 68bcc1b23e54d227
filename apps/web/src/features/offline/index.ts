export { pendingValues, type Choice, type OutboxEntry, type OutboxValue } from "./outbox-plan.ts";
export type { SyncSnapshot } from "./sync-store.ts";
