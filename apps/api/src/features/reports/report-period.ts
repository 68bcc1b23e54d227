import {
  cadenceNames,
  periodByKey,
  periodKeyFormats,
  type Cadence,
  type ReportPeriod,
} from "@ntm/domain";
import { invalid } from "../../http/app-error.ts";
import type { ReportTypeRow } from "./reports.repository.ts";

/** The period a key names for a type; an ad hoc request with a fixed date takes any key. */
function periodOf(type: ReportTypeRow, key: string, label?: string): ReportPeriod | undefined {
  if (type.cadence === "adhoc" && type.dueRule.kind === "fixedDate") {
    return { key, label: label ?? type.name, start: type.dueRule.date, end: type.dueRule.date };
  }
  return periodByKey(type.cadence as Cadence, key);
}

/** The period a key names, refused unless written for the type's cadence ("2024-Q9" is no month). */
export function requirePeriodOf(type: ReportTypeRow, key: string, label?: string): ReportPeriod {
  const period = periodOf(type, key, label);
  if (period) return period;
  const cadence = type.cadence as Cadence;
  throw invalid(
    `Kỳ báo cáo "${key}" không hợp lệ với loại báo cáo ${cadenceNames[cadence].toLowerCase()}: viết theo dạng ${periodKeyFormats[cadence]}.`,
    `Period "${key}" does not fit the report type's cadence (${cadence}).`,
  );
}

/** A period key read against several report types: it must fit at least one of them. */
export function requirePeriodOfAny(types: ReportTypeRow[], key: string) {
  if (types.length === 0) return;
  if (types.length === 1) return requirePeriodOf(types[0]!, key);
  if (types.some((type) => periodOf(type, key))) return;
  const formats = (["monthly", "quarterly", "semiannual", "annual"] as const).map(
    (cadence) => periodKeyFormats[cadence],
  );
  throw invalid(
    `Kỳ báo cáo "${key}" không hợp lệ: viết theo dạng ${formats.join("; ")}.`,
    `Period "${key}" is not a valid period key.`,
  );
}
