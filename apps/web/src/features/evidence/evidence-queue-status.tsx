import { CloudUploadOutlined } from "@ant-design/icons";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { syncState, syncStateText, useSyncStatus, type EvidenceRow } from "../offline/index.ts";

/**
 * Where the files waiting on the device stand, in the save bar's words (kept on the device, no
 * link, sending, sign in again), for a page without a save bar: nothing while none waits.
 */
export function EvidenceQueueStatus({ queued }: { queued: readonly EvidenceRow[] }) {
  const { t } = useI18n();
  const sync = useSyncStatus();
  const waiting = queued.filter((row) => !row.error).length;
  if (waiting === 0) return null;
  const state = syncState(sync, waiting);
  return (
    <p
      className="save-status"
      data-testid="evidence-sync-status"
      data-state={state}
      data-count={waiting}
      aria-live="polite"
    >
      <CloudUploadOutlined aria-hidden /> {syncStateText(state, sync, waiting, t)}
    </p>
  );
}
