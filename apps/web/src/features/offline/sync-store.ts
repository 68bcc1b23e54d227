import { readStored, writeStored } from "../../lib/storage.ts";

/** Where sending stands: sending, waiting for the link, or waiting for a new login. */
export type SyncPhase = "idle" | "sending" | "offline" | "auth" | "error";

export interface SyncSnapshot {
  phase: SyncPhase;
  /** When the last save reached the server (ms). */
  lastSentAt: number | null;
  /** When the link dropped (ms), kept across reloads. */
  offlineSince: number | null;
  /** When data was last read from the server (ms), kept across reloads. */
  lastSyncAt: number | null;
  /** The server refused the session: the login dialog is open over the page. */
  sessionExpired: boolean;
  /** The server's message when sending failed for another reason. */
  error: string | null;
}

const offlineKey = "ntm.offlineSince";
const syncedKey = "ntm.lastSyncAt";

function storedTime(key: string): number | null {
  const value = Number(readStored(key));
  return Number.isFinite(value) && value > 0 ? value : null;
}

let snapshot: SyncSnapshot = {
  phase: "idle",
  lastSentAt: null,
  offlineSince: storedTime(offlineKey),
  lastSyncAt: storedTime(syncedKey),
  sessionExpired: false,
  error: null,
};
const listeners = new Set<() => void>();

export function getSyncSnapshot(): SyncSnapshot {
  return snapshot;
}

export function subscribeSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function updateSync(patch: Partial<SyncSnapshot>): void {
  const next = { ...snapshot, ...patch };
  if (
    Object.entries(patch).every(([key, value]) => snapshot[key as keyof SyncSnapshot] === value)
  ) {
    return;
  }
  if (next.offlineSince !== snapshot.offlineSince) {
    writeStored(offlineKey, next.offlineSince ? String(next.offlineSince) : "");
  }
  if (next.lastSyncAt !== snapshot.lastSyncAt) {
    writeStored(syncedKey, next.lastSyncAt ? String(next.lastSyncAt) : "");
  }
  snapshot = next;
  for (const listener of listeners) listener();
}

export function markOffline(now = Date.now()): void {
  updateSync({ offlineSince: snapshot.offlineSince ?? now });
}

export function markOnline(): void {
  updateSync({ offlineSince: null });
}

export function markSynced(now = Date.now()): void {
  updateSync({ lastSyncAt: now });
}

export function markSessionExpired(): void {
  updateSync({ sessionExpired: true, phase: "auth" });
}
