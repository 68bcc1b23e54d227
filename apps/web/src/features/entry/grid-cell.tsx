import type { ChangeEvent } from "react";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import "./entry.css";
import { cellAttributes } from "./grid-keys.ts";

export type CellMark = "draft" | "pending" | "conflict" | null;

interface GridCellProps {
  kind: "boolean" | "number";
  /** Text for numbers, true/false/null for yes/no. */
  value: string | boolean | null;
  row: number;
  column: number;
  label: string;
  error?: string | undefined;
  errorId: string;
  mark: CellMark;
  disabled?: boolean;
  testId: string;
  onChange: (input: string | boolean | null) => void;
}

/** One value cell of an entry grid: a plain input (or a yes/no list), validated inline. */
export function GridCell(props: GridCellProps) {
  const { t } = useI18n();
  const { kind, value, row, column, label, error, errorId, mark, disabled, testId } = props;
  const common = {
    ...cellAttributes(row, column),
    "aria-label": label,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": error ? errorId : undefined,
    disabled,
    "data-testid": testId,
    "data-mark": mark ?? undefined,
  };
  const className = [
    "grid-input",
    error ? "grid-input-error" : "",
    mark ? `grid-input-${mark}` : "",
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <div className="grid-cell">
      {kind === "boolean" ? (
        <select
          {...common}
          className={className}
          value={value === true ? "yes" : value === false ? "no" : ""}
          onChange={(event: ChangeEvent<HTMLSelectElement>) =>
            props.onChange(event.target.value === "" ? null : event.target.value === "yes")
          }
        >
          <option value="">{t("entry.boolEmpty")}</option>
          <option value="yes">{t("common.yes")}</option>
          <option value="no">{t("common.no")}</option>
        </select>
      ) : (
        <input
          {...common}
          className={className}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={typeof value === "string" ? value : ""}
          onChange={(event) => props.onChange(event.target.value)}
        />
      )}
      {error && (
        <span id={errorId} className="grid-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
