import { formatDateVi } from "../calendar/index.ts";

/** Who submits a report type: the districts, the assessed communes or the departments. */
export type SubmitterLevel = "district" | "commune" | "department";

/** A unit version as the reporting tree reads it. */
export interface ReportingUnit {
  code: string;
  name: string;
  level: string;
  parentCode: string | null;
  validFrom: string;
  validTo: string | null;
  assessed: boolean;
}

export interface ReportingTreeInput {
  type: { submitterLevel: SubmitterLevel; receiverUnitCode: string };
  /** The day the tree is read on: the last day of the period. */
  date: string;
  /** The receiver's version in force on the date, if any. */
  receiver: ReportingUnit | null;
  /** The receiver's last version, for a receiver closed before the date. */
  receiverLast: ReportingUnit | null;
  /** The units that took over a closed receiver (names, for the reason). */
  successors: readonly { code: string; name: string }[];
  /** The units below the receiver in force on the date. */
  below: readonly ReportingUnit[];
  /** The departments of the receiving province. */
  departments: readonly { code: string; name: string }[];
}

export interface ReportSender {
  unitCode: string;
  departmentCode: string | null;
  name: string;
}

export type ReportingTree =
  | {
      ok: true;
      receiver: { code: string; name: string };
      senders: ReportSender[];
      reason: string;
    }
  | { ok: false; reason: string };

/**
 * Who sends a report type's period and who receives it, on the tree in force on the period's
 * last day: the receiving province as it was that day, and its districts, assessed communes or
 * departments of that day. A province closed before the date receives nothing (the province that
 * took it over reports under its own types); a province without districts that day (local
 * government of two levels since 1/7/2025) has no district senders.
 */
export function reportingTreeOn(input: ReportingTreeInput): ReportingTree {
  const { type, date, receiver } = input;
  const day = formatDateVi(date);
  if (!receiver) {
    const last = input.receiverLast;
    if (!last) return { ok: false, reason: `Không có đơn vị nhận mã ${type.receiverUnitCode}.` };
    if (last.validFrom > date) {
      return {
        ok: false,
        reason: `${last.name} bắt đầu từ ${formatDateVi(last.validFrom)}, sau ngày ${day} cuối kỳ: kỳ này không có đơn vị nhận.`,
      };
    }
    const into = input.successors.map((unit) => unit.name).join(", ");
    return {
      ok: false,
      reason: `${last.name} kết thúc ngày ${formatDateVi(last.validTo ?? date)}${into ? ` (sáp nhập vào ${into})` : ""}: kỳ kết thúc ngày ${day} không còn đơn vị nhận; ${into || "đơn vị kế thừa"} báo cáo theo loại báo cáo của mình.`,
    };
  }
  const to = { code: receiver.code, name: receiver.name };
  if (type.submitterLevel === "department") {
    if (input.departments.length === 0) {
      return { ok: false, reason: `${receiver.name} chưa có sở, ngành nào được khai báo.` };
    }
    return {
      ok: true,
      receiver: to,
      senders: input.departments.map((department) => ({
        unitCode: receiver.code,
        departmentCode: department.code,
        name: department.name,
      })),
      reason: `${input.departments.length} sở, ngành của ${receiver.name} báo cáo.`,
    };
  }
  if (type.submitterLevel === "district") {
    const districts = input.below.filter(
      (unit) => unit.level === "district" && unit.parentCode === receiver.code,
    );
    if (districts.length === 0) {
      return {
        ok: false,
        reason: `Ngày ${day}, ${receiver.name} không có đơn vị cấp huyện (chính quyền địa phương hai cấp từ 01/07/2025): loại báo cáo của UBND huyện không có đơn vị nộp kỳ này.`,
      };
    }
    return {
      ok: true,
      receiver: to,
      senders: districts.map(senderOf),
      reason: `${districts.length} đơn vị cấp huyện của ${receiver.name} ngày ${day} báo cáo.`,
    };
  }
  const communes = input.below.filter((unit) => unit.level === "commune");
  const assessed = communes.filter((unit) => unit.assessed);
  if (assessed.length === 0) {
    return {
      ok: false,
      reason: `Ngày ${day}, ${receiver.name} không có xã nào đánh giá nông thôn mới.`,
    };
  }
  const left = communes.length - assessed.length;
  const through = districtsBetween(input.below, receiver.code) ? "" : " trực tiếp";
  return {
    ok: true,
    receiver: to,
    senders: assessed.map(senderOf),
    reason: `${assessed.length} xã của ${receiver.name} ngày ${day} báo cáo${through}${left > 0 ? `; ${left} phường, thị trấn không đánh giá nông thôn mới không nộp` : ""}.`,
  };
}

const senderOf = (unit: ReportingUnit): ReportSender => ({
  unitCode: unit.code,
  departmentCode: null,
  name: unit.name,
});

const districtsBetween = (below: readonly ReportingUnit[], receiverCode: string) =>
  below.some((unit) => unit.level === "district" && unit.parentCode === receiverCode);
