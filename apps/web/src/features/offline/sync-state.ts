import dayjs from "dayjs";
import type { Translate } from "../../lib/i18n/i18n-context.tsx";
import type { SyncSnapshot } from "./sync-store.ts";

/** Where what waits on the device stands, as a save bar says it. */
export type SyncState = "auth" | "offline" | "sending" | "device" | "sent" | "idle";

export function syncState(sync: SyncSnapshot, waiting: number): SyncState {
  if (sync.sessionExpired && waiting > 0) return "auth";
  if (waiting > 0 && (sync.offlineSince !== null || sync.phase === "offline")) return "offline";
  if (waiting > 0 && sync.phase === "sending") return "sending";
  if (waiting > 0) return "device";
  if (sync.lastSentAt !== null) return "sent";
  return "idle";
}

export function syncStateText(state: SyncState, sync: SyncSnapshot, waiting: number, t: Translate) {
  switch (state) {
    case "auth":
      return t("sync.auth");
    case "offline":
      return `${t("sync.offline")} · ${t("sync.device", { count: waiting })}`;
    case "sending":
      return t("sync.sending");
    case "device":
      return t("sync.device", { count: waiting });
    case "sent":
      return t("sync.sentAt", { time: dayjs(sync.lastSentAt).format("HH:mm") });
    default:
      return t("save.noChanges");
  }
}
