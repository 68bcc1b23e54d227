import { Button, Modal, Radio } from "antd";
import { useMemo, useState } from "react";
import { formatDateTime } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { type Choice, type OutboxEntry, resolveEntry } from "../offline/index.ts";
import { useScorecardContext } from "./scorecard-context.tsx";
import { listIndicators } from "./scorecard-indicators.ts";
import { formatValue } from "./threshold-text.ts";

interface ConflictChooserProps {
  entry: OutboxEntry;
  open: boolean;
  onClose: () => void;
}

/** Per indicator, the server's value (who, when) beside the officer's; the officer keeps one. */
export function ConflictChooser({ entry, open, onClose }: ConflictChooserProps) {
  const { t, language } = useI18n();
  const { scorecard } = useScorecardContext();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const indicators = useMemo(
    () => new Map(listIndicators(scorecard).map(({ indicator }) => [indicator.code, indicator])),
    [scorecard],
  );
  const conflicts = entry.conflicts ?? [];
  const complete = conflicts.every((conflict) => choices[conflict.indicatorCode]);

  const apply = async () => {
    await resolveEntry(entry.seq, choices);
    setChoices({});
    onClose();
  };

  return (
    <Modal
      open={open}
      title={t("conflict.title")}
      onCancel={onClose}
      footer={
        <Button
          type="primary"
          disabled={!complete}
          onClick={() => void apply()}
          data-testid="conflict-apply"
        >
          {t("conflict.apply")}
        </Button>
      }
      data-testid="conflict-chooser"
    >
      <p>{t("conflict.intro")}</p>
      <ul className="conflict-list">
        {conflicts.map((conflict) => {
          const indicator = indicators.get(conflict.indicatorCode);
          const show = (value: typeof conflict.mine) =>
            formatValue(value, indicator?.unit, t, language);
          const nameId = `conflict-name-${conflict.indicatorCode}`;
          return (
            <li key={conflict.indicatorCode} className="conflict-item">
              <p id={nameId} className="conflict-name">
                <span className="indicator-code">{conflict.indicatorCode}</span>{" "}
                {indicator?.name ?? ""}
              </p>
              <Radio.Group
                aria-labelledby={nameId}
                className="conflict-options"
                value={choices[conflict.indicatorCode]}
                onChange={(event) =>
                  setChoices((previous) => ({
                    ...previous,
                    [conflict.indicatorCode]: event.target.value as Choice,
                  }))
                }
              >
                <Radio value="theirs">
                  <span data-testid={`conflict-theirs-${conflict.indicatorCode}`}>
                    <span className="conflict-value">
                      {t("conflict.theirs", { value: show(conflict.theirs) })}
                    </span>
                    {conflict.by && (
                      <span className="muted conflict-meta">
                        {t("conflict.theirsBy", {
                          who: conflict.by,
                          when: formatDateTime(conflict.at),
                        })}
                      </span>
                    )}
                  </span>
                </Radio>
                <Radio value="mine">
                  <span
                    className="conflict-value"
                    data-testid={`conflict-mine-${conflict.indicatorCode}`}
                  >
                    {t("conflict.mine", { value: show(conflict.mine) })}
                  </span>
                </Radio>
              </Radio.Group>
            </li>
          );
        })}
      </ul>
    </Modal>
  );
}
