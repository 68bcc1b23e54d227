import type { IndicatorResult } from "@ntm/domain";
import { Button, Input, Switch } from "antd";
import type { KeyboardEvent } from "react";
import { formatNumber } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { RegistrySource } from "./registry-source.tsx";
import { useScorecardContext } from "./scorecard-context.tsx";
import { formatValue } from "./threshold-text.ts";

interface ValueEditorProps {
  indicator: IndicatorResult;
  inputId: string;
  errorId: string;
}

/** Enter moves to the next value, as in a spreadsheet. */
function focusNextInput(event: KeyboardEvent<HTMLElement>) {
  const inputs = [...document.querySelectorAll<HTMLElement>("[data-indicator-input]")];
  const index = inputs.indexOf(event.currentTarget);
  const next = inputs[index + 1];
  if (next) {
    event.preventDefault();
    next.focus();
  }
}

export function ValueEditor({ indicator, inputId, errorId }: ValueEditorProps) {
  const { t, language } = useI18n();
  const { editor } = useScorecardContext();
  const code = indicator.code;
  const draft = editor.drafts[code];

  if (!editor.canEdit(code)) {
    return (
      <span className="value-readonly" data-testid={`indicator-value-${code}`}>
        {indicator.value === null
          ? t("indicator.empty")
          : formatValue(indicator.value, indicator.unit, t, language)}
        <RegistrySource indicatorCode={code} />
      </span>
    );
  }

  const check = editor.checkOf(indicator);
  const error = check.ok
    ? undefined
    : t(check.error, { limit: formatNumber(check.limit ?? 0, language) });
  const showError = Boolean(error) && (draft?.input !== undefined || editor.showInvalid);
  const shown = editor.inputOf(indicator);

  if (indicator.kind === "boolean") {
    const value = typeof shown === "boolean" ? shown : null;
    return (
      <div className="value-editor">
        <Switch
          id={inputId}
          checked={value === true}
          checkedChildren={t("common.yes")}
          unCheckedChildren={value === null ? "—" : t("common.no")}
          onChange={(checked) => editor.updateDraft(code, { input: checked })}
          data-testid={`indicator-input-${code}`}
          data-indicator-input=""
          aria-describedby={showError ? errorId : undefined}
        />
        {value === null && <span className="value-state">{t("indicator.empty")}</span>}
        {value !== null && (
          <Button size="small" onClick={() => editor.updateDraft(code, { input: null })}>
            {t("indicator.clear")}
          </Button>
        )}
        {showError && (
          <span id={errorId} className="field-error" role="alert">
            {error}
          </span>
        )}
      </div>
    );
  }

  const text = typeof shown === "string" ? shown : "";
  return (
    <div className="value-editor">
      <Input
        id={inputId}
        value={text}
        inputMode="decimal"
        autoComplete="off"
        allowClear
        className="value-input"
        status={showError ? "error" : undefined}
        aria-invalid={showError}
        aria-describedby={showError ? errorId : undefined}
        onChange={(event) => editor.updateDraft(code, { input: event.target.value })}
        onPressEnter={focusNextInput}
        data-testid={`indicator-input-${code}`}
        data-indicator-input=""
      />
      {indicator.unit && <span className="value-unit">{indicator.unit}</span>}
      {showError && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
