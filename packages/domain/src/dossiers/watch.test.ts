import { describe, expect, it } from "vitest";
import { shippedRegimes as regimes } from "./shipped-regimes.fixture.ts";
import {
  districtRevocationFlag,
  revocationFlag,
  revocationKeyCriteria,
  revocationKeyCriteriaStatus,
  type WatchCriterion,
} from "./revocation-watch.ts";
import { mergerRecognition } from "./merger.ts";
import { currentDue, stepDueDates } from "./due-dates.ts";
import { openDossier } from "./transition.ts";
import { addDays, fromDayNumber, toDayNumber } from "../calendar/index.ts";

const rules = (regimes[0] as (typeof regimes)[number]).rules;
const key = ["10", "17", "19"];

function criteria(unmet: string[], total = 19): WatchCriterion[] {
  return Array.from({ length: total }, (_, i) => {
    const code = String(i + 1);
    return { code, name: `TC ${code}`, status: unmet.includes(code) ? "not_met" : "met" };
  });
}

describe("revocation watch", () => {
  it.each([
    ["all met", [], null],
    ["5 unmet (26 %), key among them", ["1", "2", "3", "4", "10"], null],
    ["6 unmet (31,6 %), no key criterion", ["1", "2", "3", "4", "5", "6"], null],
    ["6 unmet (31,6 %), income among them", ["1", "2", "3", "4", "5", "10"], "key_criteria"],
    ["6 unmet, environment among them", ["1", "2", "3", "4", "5", "17"], "key_criteria"],
    ["6 unmet, defence among them", ["1", "2", "3", "4", "5", "19"], "key_criteria"],
    [
      "10 unmet (52,6 %), no key criterion",
      ["1", "2", "3", "4", "5", "6", "7", "8", "9", "11"],
      "half_unmet",
    ],
  ] as const)("%s", (_name, unmet, rule) => {
    const flag = revocationFlag({
      criteria: criteria([...unmet]),
      keyCriteria: key,
      rules: rules.revocation,
    });
    expect(flag?.rule ?? null).toBe(rule);
    if (flag) expect(flag.unmetCriteria).toEqual([...unmet]);
  });

  it("counts a criterion without data as unmet and explains the key criteria", () => {
    const list = criteria(["1", "2", "3", "4", "5"]).map((c) =>
      c.code === "10" ? { ...c, status: "missing" as const } : c,
    );
    const flag = revocationFlag({ criteria: list, keyCriteria: key, rules: rules.revocation });
    expect(flag?.keyCriteriaUnmet).toEqual(["10"]);
    expect(flag?.reason).toContain("6/19 tiêu chí (31,6 %)");
  });

  it("names each key criterion with its own name and lists criteria in numeric order", () => {
    const names: Record<string, string> = {
      "10": "Thu nhập",
      "17": "Môi trường và an toàn thực phẩm",
      "19": "Quốc phòng và An ninh",
    };
    // Stored criteria come back in text order: 1, 10, 11, …, 19, 2, 3, …
    const list = criteria(["1", "2", "3", "4", "10", "19"])
      .map((c) => ({ ...c, name: names[c.code] ?? c.name }))
      .sort((a, b) => a.code.localeCompare(b.code));
    const flag = revocationFlag({ criteria: list, keyCriteria: key, rules: rules.revocation });
    expect(flag?.rule).toBe("key_criteria");
    expect(flag?.unmetCriteria).toEqual(["1", "2", "3", "4", "10", "19"]);
    expect(flag?.keyCriteriaUnmet).toEqual(["10", "19"]);
    expect(flag?.reason).toBe(
      "6/19 tiêu chí (31,6 %) không đạt, trong đó có tiêu chí then chốt 10 Thu nhập; 19 Quốc phòng và An ninh. Các tiêu chí không đạt: 1 TC 1; 2 TC 2; 3 TC 3; 4 TC 4; 10 Thu nhập; 19 Quốc phòng và An ninh.",
    );
    const onlyDefence = revocationFlag({
      criteria: criteria(["1", "2", "3", "4", "5", "19"]).map((c) => ({
        ...c,
        name: names[c.code] ?? c.name,
      })),
      keyCriteria: key,
      rules: rules.revocation,
    });
    expect(onlyDefence?.reason).toContain("tiêu chí then chốt 19 Quốc phòng và An ninh.");
    expect(onlyDefence?.reason).not.toContain("thu nhập, môi trường");
  });

  it.each([
    [10, 2, null],
    [7, 3, "district_communes"],
    [0, 0, null],
  ] as const)(
    "district with %i recognised and %i revoked communes",
    (recognised, revoked, rule) => {
      expect(
        districtRevocationFlag({
          communesRecognised: recognised,
          communesRevoked: revoked,
          rules: rules.revocation,
        })?.rule ?? null,
      ).toBe(rule);
    },
  );
});

describe("mergers (CV 267/BNN-VPĐP)", () => {
  it.each([
    [
      [
        { code: "A", name: "Xã A", recognisedLevel: "advanced" },
        { code: "B", name: "Xã B", recognisedLevel: "standard" },
      ],
      "decision",
      "standard",
    ],
    [
      [
        { code: "A", name: "Xã A", recognisedLevel: "advanced" },
        { code: "B", name: "Xã B", recognisedLevel: null },
      ],
      "full_procedure",
      null,
    ],
    [[], "full_procedure", null],
  ] as const)("case %#", (units, path, level) => {
    const result = mergerRecognition(units);
    expect(result.path).toBe(path);
    expect(result.level).toBe(level);
  });
});

describe("due dates and calendar", () => {
  const regime = regimes[0] as (typeof regimes)[number];
  const state = openDossier({
    regime,
    unitLevel: "commune",
    requestedLevel: "standard",
    snapshot: {
      setCode: "s",
      setVersion: 1,
      year: 2023,
      criteriaMet: 0,
      criteriaTotal: 0,
      levelReached: null,
      requestedLevelReached: false,
      criteria: [],
      takenAt: "2023-01-01",
    },
  });

  it("counts back from the batch deadline and forward from the previous step", () => {
    const dues = stepDueDates(state, regime, "2023-11-30");
    expect(dues[0]).toEqual({ code: "self_assessment", due: "2023-09-16" });
    expect(dues[4]).toEqual({ code: "verification", due: "2023-11-30" });
    expect(dues[5]).toEqual({ code: "appraisal", due: "2023-12-30" });
    expect(currentDue(state, regime, "2023-11-30", "2023-09-17")).toEqual({
      step: "self_assessment",
      due: "2023-09-16",
      overdue: true,
    });
    expect(currentDue(state, regime, "2023-11-30", "2023-09-16")?.overdue).toBe(false);
  });

  // A province may put a step in working days; the calendar skips weekends and listed holidays.
  const holidays = new Set(["2024-04-29", "2024-04-30", "2024-05-01"]);
  const working = (kind: "beforeBatchDeadline" | "afterPrevious", days: number): typeof regime => ({
    ...regime,
    steps: regime.steps.map((step, index) =>
      index === 5 ? { ...step, due: { kind, days, unit: "working" as const } } : step,
    ),
  });
  it.each([
    // Verification due Fri 26/4/2024; 3 working days after skips the weekend and 29/4–1/5.
    ["afterPrevious", 3, "2024-04-26", "2024-05-06"],
    ["afterPrevious", 1, "2024-04-26", "2024-05-02"],
    // 3 working days before Mon 6/5/2024: Fri 3, Thu 2, then back over 1/5–29/4 and the weekend.
    ["beforeBatchDeadline", 3, "2024-05-06", "2024-04-26"],
    ["beforeBatchDeadline", 0, "2024-05-06", "2024-05-06"],
  ] as const)("%s %i working days from %s → %s", (kind, days, deadline, expected) => {
    expect(stepDueDates(state, working(kind, days), deadline, holidays)[5]?.due).toBe(expected);
  });

  it("counts calendar days when the rule says nothing", () => {
    expect(stepDueDates(state, regime, "2024-04-26", holidays)[5]?.due).toBe("2024-05-26");
  });

  it.each(["1970-01-01", "2024-02-29", "2000-03-01", "2023-12-31"])("round-trips %s", (iso) => {
    expect(fromDayNumber(toDayNumber(iso))).toBe(iso);
  });

  it("adds days across years", () => {
    expect(addDays("2023-12-25", 10)).toBe("2024-01-04");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });
});

describe("the key criteria of the 2026–2030 set", () => {
  it("watch income, environment and security on the 10 criteria, marked unverified", () => {
    const key2026 = revocationKeyCriteria["vn-commune-2026-2030"] ?? [];
    expect(key2026).toEqual(["3", "8", "10"]);
    expect(revocationKeyCriteriaStatus["vn-commune-2026-2030"]?.status).toBe("unverified");
    // 3 of 10 unmet (30 %) with the environment among them flags; without a key criterion it does not.
    const flagged = revocationFlag({
      criteria: criteria(["1", "2", "8"], 10),
      keyCriteria: key2026,
      rules: rules.revocation,
    });
    expect(flagged?.rule).toBe("key_criteria");
    expect(flagged?.reason).toContain("tiêu chí then chốt 8 TC 8");
    expect(
      revocationFlag({
        criteria: criteria(["1", "2", "4"], 10),
        keyCriteria: key2026,
        rules: rules.revocation,
      }),
    ).toBeNull();
  });
});
