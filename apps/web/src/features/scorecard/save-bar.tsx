import { CheckCircleFilled, SaveOutlined } from "@ant-design/icons";
import { Alert, Button } from "antd";
import dayjs from "dayjs";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { useScorecardContext } from "./scorecard-context.tsx";

/** Save with the version read; shows "Đã lưu", unsaved counts, conflicts and server errors. */
export function SaveBar() {
  const { t } = useI18n();
  const { editor } = useScorecardContext();
  const { outcome, changeCount, saving } = editor;

  let status: string;
  if (saving) status = t("save.saving");
  else if (changeCount > 0) status = t("save.unsaved", { count: changeCount });
  else if (outcome.kind === "saved")
    status = t("save.savedAt", { time: dayjs(outcome.at).format("HH:mm") });
  else status = t("save.noChanges");

  return (
    <div className="save-bar" role="region" aria-label={t("save.button")}>
      {outcome.kind === "conflict" && (
        <Alert type="warning" showIcon title={t("save.conflict")} data-testid="save-conflict" />
      )}
      {outcome.kind === "invalid" && changeCount > 0 && (
        <Alert type="error" showIcon title={t("save.fixErrors")} data-testid="save-error" />
      )}
      {outcome.kind === "failed" && (
        <Alert
          type="error"
          showIcon
          title={`${t("save.failed")}: ${outcome.message}`}
          description={
            outcome.details.length > 0 ? (
              <ul className="plain-list">
                {outcome.details.map((detail) => (
                  <li key={detail}>{detail}</li>
                ))}
              </ul>
            ) : undefined
          }
          data-testid="save-error"
        />
      )}
      <div className="save-bar-row">
        <span
          className={
            outcome.kind === "saved" && changeCount === 0 ? "save-status saved" : "save-status"
          }
          data-testid="save-status"
          data-state={saving ? "saving" : changeCount > 0 ? "dirty" : outcome.kind}
          aria-live="polite"
        >
          {outcome.kind === "saved" && changeCount === 0 && !saving && (
            <CheckCircleFilled aria-hidden />
          )}
          {status}
        </span>
        <span className="save-bar-actions">
          {changeCount > 0 && !saving && (
            <Button onClick={editor.discard} data-testid="discard-values">
              {t("save.discard")}
            </Button>
          )}
          <Button
            type="primary"
            icon={<SaveOutlined aria-hidden />}
            loading={saving}
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
