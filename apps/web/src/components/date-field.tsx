import { DatePicker, type DatePickerProps } from "antd";
import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat";
import type { FormEvent } from "react";

dayjs.extend(customParseFormat);

type DateFieldProps = Omit<
  DatePickerProps,
  "value" | "defaultValue" | "onChange" | "format" | "multiple"
> & {
  /** An ISO date (yyyy-MM-dd), as the API takes it; empty for none. */
  value?: string | null;
  onChange?: (value: string) => void;
};

// Shown and typed day first; an ISO date typed or pasted is understood too.
const formats = ["DD/MM/YYYY", "D/M/YYYY", "DD-MM-YYYY", "YYYY-MM-DD"];

/**
 * A date field that reads dd/MM/yyyy whatever the browser's language (a native date input
 * follows the browser: mm/dd/yyyy in an English one). Its value stays the ISO date.
 */
export function DateField({ value, onChange, style, placeholder, ...props }: DateFieldProps) {
  const date = value ? dayjs(value) : null;
  // A complete date typed in counts at once, not only when the field loses focus: a form sent
  // right after typing has it.
  const typed = (event: FormEvent<HTMLDivElement>) => {
    const text = (event.target as HTMLInputElement).value.trim();
    const parsed = dayjs(text, formats, true);
    if (parsed.isValid() && parsed.format("YYYY-MM-DD") !== value) {
      onChange?.(parsed.format("YYYY-MM-DD"));
    }
  };
  return (
    <div className="date-field" onInput={typed}>
      <DatePicker
        placeholder={placeholder ?? "dd/mm/yyyy"}
        {...props}
        format={formats}
        value={date?.isValid() ? date : null}
        onChange={(next) => onChange?.(next ? next.format("YYYY-MM-DD") : "")}
        style={{ width: "100%", ...style }}
      />
    </div>
  );
}
