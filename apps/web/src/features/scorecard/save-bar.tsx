import { CheckCircleFilled, CloudUploadOutlined, SaveOutlined } from "@ant-design/icons";
import { Alert, Button } from "antd";
import { useState } from "react";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import {
  dropEntry,
  dropEvidence,
  syncState,
  syncStateText,
  useSyncStatus,
} from "../offline/index.ts";
import { ConflictChooser } from "./conflict-chooser.tsx";
import { useScorecardContext } from "./scorecard-context.tsx";

/**
 * Where the officer's changes stand: kept on the device, waiting for the link, sending, or sent;
 * conflicts to settle and values the server refused.
 */
export function SaveBar() {
  const { t } = useI18n();
  const { editor } = useScorecardContext();
  const sync = useSyncStatus();
  const [chooserOpen, setChooserOpen] = useState(false);
  const { outcome, changeCount } = editor;
  const refusedFiles = editor.evidenceQueue.filter((row) => row.error);
  // Photos waiting on the device count with the values: both go when the link is back.
  const waitingCount = changeCount + editor.evidenceQueue.length - refusedFiles.length;
  const state = syncState(sync, waitingCount);
  const conflict = editor.entries.find((entry) => entry.state === "conflict");
  const rejected = editor.entries.filter((entry) => entry.state === "rejected");

  return (
    <div className="save-bar" role="region" aria-label={t("save.button")}>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t("sync.conflicts", { count: conflict.conflicts?.length ?? 0 })}
          action={
            <Button size="small" onClick={() => setChooserOpen(true)} data-testid="open-conflicts">
              {t("sync.choose")}
            </Button>
          }
          data-testid="save-conflict"
        />
      )}
      {conflict && (
        <ConflictChooser
          key={conflict.seq}
          entry={conflict}
          open={chooserOpen}
          onClose={() => setChooserOpen(false)}
        />
      )}
      {rejected.map((entry) => (
        <Alert
          key={entry.seq}
          type="error"
          showIcon
          title={t("sync.rejected")}
          description={<span className="pre-line">{entry.error}</span>}
          action={
            <span className="save-bar-actions">
              <Button size="small" onClick={() => void editor.editAgain(entry)}>
                {t("sync.editAgain")}
              </Button>
              <Button size="small" danger onClick={() => void dropEntry(entry.seq)}>
                {t("sync.dropRejected")}
              </Button>
            </span>
          }
          data-testid="save-error"
        />
      ))}
      {refusedFiles.map((row) => (
        <Alert
          key={`file-${row.seq}`}
          type="error"
          showIcon
          title={t("evidence.refused", { name: row.name })}
          description={row.error}
          action={
            <Button size="small" danger onClick={() => void dropEvidence(row.seq)}>
              {t("evidence.remove")}
            </Button>
          }
          data-testid="evidence-refused"
        />
      ))}
      {outcome.kind === "invalid" && editor.invalidCodes.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t("sync.invalid", { count: editor.invalidCodes.length })}
          data-testid="save-invalid"
        />
      )}
      {outcome.kind === "copied" && editor.copiedCount > 0 && (
        <Alert
          type="info"
          showIcon
          title={t("scorecard.copied", { count: outcome.count, year: outcome.fromYear })}
          data-testid="copied-notice"
        />
      )}
      {outcome.kind === "copyNone" && (
        <Alert type="info" showIcon title={t("scorecard.copyNone", { year: outcome.fromYear })} />
      )}
      {sync.phase === "error" && sync.error && waitingCount > 0 && (
        <Alert type="warning" showIcon title={t("sync.error", { message: sync.error })} />
      )}
      <div className="save-bar-row">
        <span
          className={state === "sent" ? "save-status saved" : "save-status"}
          data-testid="save-status"
          data-state={state}
          data-count={waitingCount}
          aria-live="polite"
        >
          {state === "sent" && <CheckCircleFilled aria-hidden />}
          {(state === "device" || state === "offline") && <CloudUploadOutlined aria-hidden />}
          {syncStateText(state, sync, waitingCount, t)}
        </span>
        <span className="save-bar-actions">
          {changeCount > 0 && (
            <Button onClick={() => void editor.discard()} data-testid="discard-values">
              {t("save.discard")}
            </Button>
          )}
          <Button
            type="primary"
            icon={<SaveOutlined aria-hidden />}
            disabled={changeCount === 0}
            onClick={editor.save}
            data-testid="save-values"
          >
            {t("save.button")}
          </Button>
        </span>
      </div>
    </div>
  );
}
