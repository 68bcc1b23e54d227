import { describe, expect, it } from "vitest";
import {
  carryOverRecognition,
  checkCarryOver,
  defaultCarryOver,
  describeCarryOver,
  type RecognitionCarryOver,
} from "./recognition-carry-over.ts";

const newSetFrom = "2026-02-15";

describe("a recognition of 2021–2025 once the 2026–2030 set is in force", () => {
  it("is kept until re-assessed by default, with the mark that no text was found", () => {
    expect(defaultCarryOver.basis).toBeNull();
    expect(describeCarryOver(defaultCarryOver)).toBe(
      "Xã đã được công nhận theo bộ tiêu chí giai đoạn 2021–2025 giữ công nhận đến khi được đánh giá lại theo bộ tiêu chí giai đoạn 2026–2030. Chưa tìm thấy căn cứ pháp lý.",
    );
  });

  it("states a re-assessment deadline and the province's text", () => {
    const rule = {
      mode: "reassess_by" as const,
      deadline: "2026-12-31",
      basis: { document: "25/KH-UBND", date: "2026-03-10" },
    };
    expect(describeCarryOver(rule)).toMatch(
      /trước ngày 31\/12\/2026; .* Căn cứ: 25\/KH-UBND ngày 10\/03\/2026\.$/,
    );
    expect(describeCarryOver({ mode: "lapse_at_new_set", basis: null })).toMatch(
      /hết hiệu lực khi bộ tiêu chí giai đoạn 2026–2030 có hiệu lực/,
    );
  });

  it("refuses a deadline that is missing, before the new set, or given without that option", () => {
    expect(checkCarryOver({ mode: "reassess_by", basis: null }, newSetFrom)).toBe(
      "Cần nhập hạn đánh giá lại (dd/MM/yyyy).",
    );
    expect(
      checkCarryOver({ mode: "reassess_by", deadline: "2026-01-01", basis: null }, newSetFrom),
    ).toBe("Hạn đánh giá lại phải từ ngày bộ tiêu chí mới có hiệu lực (15/02/2026) trở đi.");
    expect(
      checkCarryOver(
        { mode: "keep_until_reassessed", deadline: "2026-12-31", basis: null },
        newSetFrom,
      ),
    ).toBe("Chỉ cách áp dụng “đánh giá lại trước hạn” mới có hạn.");
    expect(checkCarryOver(defaultCarryOver, newSetFrom)).toBeNull();
  });
});

describe("a 2021–2025 recognition under the province's carry-over rule", () => {
  const recognition = { decisionDate: "2022-12-20" };
  const byDeadline: RecognitionCarryOver = {
    mode: "reassess_by",
    deadline: "2026-09-30",
    basis: { document: "25/KH-UBND", date: "2026-03-10" },
  };
  const at = (rule: RecognitionCarryOver, asOf: string, reassessedOn: string | null = null) =>
    carryOverRecognition({ rule, newSetFrom, recognition, reassessedOn, asOf });

  it("is in force while the 2021–2025 set is, whatever the rule", () => {
    for (const rule of [
      defaultCarryOver,
      byDeadline,
      { mode: "lapse_at_new_set" as const, basis: null },
    ]) {
      expect(at(rule, "2026-02-14").status).toBe("in_force");
    }
  });

  it("is kept until re-assessed by default, then judged on the new set", () => {
    const kept = at(defaultCarryOver, "2026-12-06");
    expect(kept).toMatchObject({ status: "kept", lapsedOn: null });
    expect(kept.reason).toContain("chưa tìm thấy căn cứ pháp lý");
    expect(at(defaultCarryOver, "2026-12-06", "2026-11-02").status).toBe("reassessed");
    // A re-assessment stored after the day in view does not count yet.
    expect(at(defaultCarryOver, "2026-10-01", "2026-11-02").status).toBe("kept");
  });

  it("is kept until the deadline, then lapses the day after unless re-assessed in time", () => {
    expect(at(byDeadline, "2026-09-30").status).toBe("awaiting_reassessment");
    const lapsed = at(byDeadline, "2026-10-01");
    expect(lapsed).toMatchObject({ status: "lapsed", lapsedOn: "2026-10-01" });
    expect(lapsed.reason).toBe(
      "Quá hạn đánh giá lại 30/09/2026 theo 25/KH-UBND ngày 10/03/2026 mà chưa đánh giá lại theo bộ tiêu chí giai đoạn 2026–2030: không còn được tính là đạt chuẩn từ 01/10/2026.",
    );
    expect(at(byDeadline, "2026-12-06", "2026-09-30").status).toBe("reassessed");
    // Re-assessed too late: the recognition had already lapsed.
    expect(at(byDeadline, "2026-12-06", "2026-10-15").status).toBe("lapsed");
  });

  it("lapses on the new set's first day when the province chose so, re-assessed or not", () => {
    const rule: RecognitionCarryOver = { mode: "lapse_at_new_set", basis: null };
    expect(at(rule, "2026-02-15")).toMatchObject({ status: "lapsed", lapsedOn: "2026-02-15" });
    expect(at(rule, "2026-12-06", "2026-05-01").status).toBe("lapsed");
  });

  it("leaves a recognition decided under the new set alone", () => {
    const recent = carryOverRecognition({
      rule: { mode: "lapse_at_new_set", basis: null },
      newSetFrom,
      recognition: { decisionDate: "2026-06-01" },
      reassessedOn: null,
      asOf: "2026-12-06",
    });
    expect(recent.status).toBe("in_force");
  });
});
