import { useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, type ReactNode } from "react";
import { useCurrentUser } from "../auth/index.ts";
import { useYear } from "../../lib/year-context.tsx";
import { refreshOfflineData } from "./background-sync.ts";
import { deviceDb } from "./device-db.ts";
import { configureSync, kickSync } from "./sync-engine.ts";
import { markOffline, markOnline, updateSync } from "./sync-store.ts";
import { useLive } from "./use-live.ts";

// Needed only when a session ends: it loads after the first screen, not before it.
const SessionDialog = lazy(() =>
  import("./session-dialog.tsx").then((module) => ({ default: module.SessionDialog })),
);

// Background refresh of the offline copy while the app stays open.
const refreshEveryMs = 10 * 60_000;
// On a slow link the first screen's own requests go first.
const firstRefreshAfterMs = 5_000;

/** Counts what this user has on the device and not yet on the server. */
function useUnsentCount(user: string | null): number {
  return useLive(
    async () => {
      if (!user) return 0;
      const [drafts, outbox, evidence] = await Promise.all([
        deviceDb.drafts.where("user").equals(user).count(),
        deviceDb.outbox.where("user").equals(user).count(),
        deviceDb.evidence.where("user").equals(user).count(),
      ]);
      return drafts + outbox + evidence;
    },
    [user],
    0,
  );
}

/**
 * Sends the device's outbox for the signed-in user, follows the link, refreshes the offline copy
 * in the background, asks before the tab closes with unsent changes, and signs in again over the
 * page when the session ends.
 */
export function SyncProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const { year } = useYear();
  const user = me.data ?? null;
  const username = user?.username ?? null;
  const unsent = useUnsentCount(username);

  useEffect(() => {
    configureSync({ queryClient, user: username });
    if (username) kickSync();
  }, [queryClient, username]);

  useEffect(() => {
    const goOffline = () => {
      markOffline();
      updateSync({ phase: "offline" });
    };
    const goOnline = () => {
      markOnline();
      updateSync({ phase: "idle" });
      kickSync();
      void queryClient.invalidateQueries();
    };
    if (navigator.onLine) markOnline();
    else goOffline();
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    return () => {
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
    };
  }, [queryClient]);

  useEffect(() => {
    if (!user) return;
    const refresh = () => {
      if (navigator.onLine) void refreshOfflineData(user, year);
    };
    const first = window.setTimeout(refresh, firstRefreshAfterMs);
    const timer = window.setInterval(refresh, refreshEveryMs);
    window.addEventListener("online", refresh);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
      window.removeEventListener("online", refresh);
    };
  }, [user, year]);

  useEffect(() => {
    if (unsent === 0) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", ask);
    return () => window.removeEventListener("beforeunload", ask);
  }, [unsent]);

  return (
    <>
      {children}
      {username && (
        <Suspense fallback={null}>
          <SessionDialog username={username} />
        </Suspense>
      )}
    </>
  );
}
