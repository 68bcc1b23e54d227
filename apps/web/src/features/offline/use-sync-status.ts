import { useSyncExternalStore } from "react";
import { getSyncSnapshot, subscribeSync, type SyncSnapshot } from "./sync-store.ts";

export function useSyncStatus(): SyncSnapshot {
  return useSyncExternalStore(subscribeSync, getSyncSnapshot);
}
