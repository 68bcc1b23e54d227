import { describe, expect, it } from "vitest";
import { reportOwed, type PeriodUnit } from "./report-owed.ts";

const konTum: PeriodUnit = { name: "Tỉnh Kon Tum", validTo: "2025-06-30" };
const quangNgai: PeriodUnit = { name: "Tỉnh Quảng Ngãi", validTo: null };
const dakBlo: PeriodUnit = { name: "Xã Đắk Blô", validTo: "2025-06-30" };
const dakPlo: PeriodUnit = { name: "Xã Đăk Plô", validTo: null };

describe("reportOwed", () => {
  it.each<{
    name: string;
    dueDate: string;
    today: string;
    sender: PeriodUnit | null;
    receiver: PeriodUnit | null;
    owed: boolean;
    code?: string;
    reason: string;
  }>([
    {
      name: "a 2026 report of a xã of today to the province of today is owed",
      dueDate: "2026-02-10",
      today: "2026-02-20",
      sender: dakPlo,
      receiver: quangNgai,
      owed: true,
      reason: "Hạn nộp 10/02/2026.",
    },
    {
      name: "a 2024 report to Kon Tum is nobody's once Kon Tum ended: nobody receives it",
      dueDate: "2025-01-10",
      today: "2026-02-20",
      sender: dakBlo,
      receiver: konTum,
      owed: false,
      code: "receiver_closed",
      reason: "Tỉnh Kon Tum kết thúc ngày 30/06/2025: không còn đơn vị nhận báo cáo kỳ này.",
    },
    {
      name: "a June 2025 report due after the reform is nobody's: its receiver ended on the period's last day",
      dueDate: "2025-07-10",
      today: "2025-07-05",
      sender: dakBlo,
      receiver: konTum,
      owed: false,
      code: "receiver_closed",
      reason: "Tỉnh Kon Tum kết thúc ngày 30/06/2025: không còn đơn vị nhận báo cáo kỳ này.",
    },
    {
      name: "a closed xã's overdue report to a province still in force is nobody's: no unit is left to send it",
      dueDate: "2025-01-10",
      today: "2026-02-20",
      sender: dakBlo,
      receiver: quangNgai,
      owed: false,
      code: "sender_closed",
      reason:
        "Xã Đắk Blô kết thúc ngày 30/06/2025, đã quá hạn nộp 10/01/2025: không còn đơn vị phải nộp báo cáo kỳ này.",
    },
    {
      name: "a closed xã's report not yet due is still owed, by whoever answers for it",
      dueDate: "2025-07-10",
      today: "2025-07-05",
      sender: dakBlo,
      receiver: quangNgai,
      owed: true,
      reason: "Hạn nộp 10/07/2025.",
    },
    {
      name: "a report of the receiver's last day is owed until that day ends",
      dueDate: "2025-06-30",
      today: "2025-06-30",
      sender: dakBlo,
      receiver: konTum,
      owed: true,
      reason: "Hạn nộp 30/06/2025.",
    },
  ])("$name", ({ dueDate, today, sender, receiver, owed, code, reason }) => {
    const answer = reportOwed({ dueDate, today, sender, receiver });
    expect(answer).toEqual(code ? { owed, code, reason } : { owed, reason });
  });
});
