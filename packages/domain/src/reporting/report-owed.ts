import { formatDateVi } from "../calendar/index.ts";

/** The sender's or the receiver's unit version in force on a report period's last day. */
export interface PeriodUnit {
  name: string;
  /** Its last day; null while it is in force. */
  validTo: string | null;
}

export type ReportOwed =
  | { owed: true; reason: string }
  | { owed: false; code: "receiver_closed" | "sender_closed"; reason: string };

/**
 * Whether a report not sent yet is still someone's to send, on the tree of its period (ADR 0026):
 * the receiver and the sender are the units' versions on the period's last day. Once the
 * receiver's version has ended nobody receives the report any more (the unit that took it over
 * reports under its own types); once the sender's version has ended and the due date has passed,
 * no unit is left to send it, and it stays "not sent" on the rate board. A sender that ended before
 * the due date still owes it, to whoever answers for it (the office under the reused code, or the
 * closed unit's account).
 */
export function reportOwed(input: {
  dueDate: string;
  today: string;
  sender: PeriodUnit | null;
  receiver: PeriodUnit | null;
}): ReportOwed {
  const { sender, receiver, today, dueDate } = input;
  if (receiver?.validTo && receiver.validTo < today) {
    return {
      owed: false,
      code: "receiver_closed",
      reason: `${receiver.name} kết thúc ngày ${formatDateVi(receiver.validTo)}: không còn đơn vị nhận báo cáo kỳ này.`,
    };
  }
  if (sender?.validTo && sender.validTo < today && dueDate < today) {
    return {
      owed: false,
      code: "sender_closed",
      reason: `${sender.name} kết thúc ngày ${formatDateVi(sender.validTo)}, đã quá hạn nộp ${formatDateVi(dueDate)}: không còn đơn vị phải nộp báo cáo kỳ này.`,
    };
  }
  return { owed: true, reason: `Hạn nộp ${formatDateVi(dueDate)}.` };
}
