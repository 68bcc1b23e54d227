import { describe, expect, it } from "vitest";
import {
  rateOf,
  reminderFor,
  timelinessOf,
  type SubmissionState,
  type Timeliness,
} from "./submission-status.ts";

describe("timelinessOf", () => {
  it.each<[SubmissionState, string | null, string, Timeliness, string]>([
    ["submitted", "2024-06-15", "2024-06-20", "on_time", "Nộp ngày 15/06/2024"],
    ["submitted", "2024-06-10", "2024-06-20", "on_time", "hạn 15/06/2024"],
    ["submitted", "2024-06-18", "2024-06-20", "late", "trễ 3 ngày"],
    ["draft", null, "2024-06-20", "missing", "Quá hạn 5 ngày"],
    ["returned", null, "2024-06-16", "missing", "bị trả lại"],
    ["draft", null, "2024-06-12", "pending", "còn 3 ngày"],
    ["draft", null, "2024-06-15", "pending", "còn 0 ngày"],
  ])("%s on %s, today %s → %s", (state, submittedOn, today, expected, reason) => {
    const result = timelinessOf({ dueDate: "2024-06-15", state, submittedOn, today });
    expect(result.timeliness).toBe(expected);
    expect(result.reason).toContain(reason);
  });
});

describe("reminderFor", () => {
  const base = {
    dueDate: "2024-06-15",
    daysBefore: 3,
    reportName: "Báo cáo tháng",
    periodLabel: "Tháng 5/2024",
  };
  it.each<[SubmissionState, string, string | null, string]>([
    ["draft", "2024-06-01", null, ""],
    ["draft", "2024-06-12", "due_soon", "còn 3 ngày"],
    ["draft", "2024-06-15", "due_soon", "hôm nay là hạn nộp"],
    ["returned", "2024-06-17", "overdue", "quá hạn 2 ngày"],
    ["submitted", "2024-06-17", null, ""],
  ])("%s on %s", (state, today, kind, text) => {
    const reminder = reminderFor({ ...base, state, today });
    expect(reminder?.kind ?? null).toBe(kind);
    if (reminder) expect(reminder.message).toContain(text);
  });
});

describe("rateOf", () => {
  it.each<[Timeliness[], number | null, number]>([
    [["on_time", "on_time", "late", "missing"], 50, 4],
    [["pending", "pending"], null, 2],
    [[], null, 0],
    [["on_time", "on_time", "on_time"], 100, 3],
  ])("%j → %s %%", (items, rate, expected) => {
    const result = rateOf(items);
    expect(result.onTimeRate).toBe(rate);
    expect(result.expected).toBe(expected);
  });
});
