import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { regimeFileSchema } from "./dossiers.schemas.ts";

const folder = new URL("../../../data/regimes/", import.meta.url);
const files = readdirSync(folder).filter((name) => name.endsWith(".json"));
const read = (name: string) => JSON.parse(readFileSync(new URL(name, folder), "utf8")) as unknown;
const base = read("qd18-2022-3cap.json") as Record<string, unknown> & {
  steps: { code: string; actingRole: string }[];
  rules: Record<string, unknown>;
};

describe("shipped regime files", () => {
  it("ships the four regimes", () => {
    expect(files.sort()).toEqual([
      "qd18-2022-2cap.json",
      "qd18-2022-3cap.json",
      "qd18-thu-hoi-2cap.json",
      "qd18-thu-hoi-3cap.json",
    ]);
  });

  it.each(files)("%s is valid", (name) => {
    const parsed = regimeFileSchema.safeParse(read(name));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(`${parsed.data?.code}.json`).toBe(name);
  });
});

describe("refused regime files", () => {
  it.each<[string, unknown, string]>([
    ["a step dropped", { ...base, steps: base.steps.slice(1) }, "steps"],
    ["steps out of order", { ...base, steps: [...base.steps].reverse() }, "steps"],
    [
      "a viewer acting",
      { ...base, steps: base.steps.map((s, i) => (i === 0 ? { ...s, actingRole: "viewer" } : s)) },
      "steps.0.actingRole",
    ],
    [
      "an unknown role",
      { ...base, steps: base.steps.map((s, i) => (i === 0 ? { ...s, actingRole: "chief" } : s)) },
      "steps.0.actingRole",
    ],
    ["an end before the start", { ...base, validTo: "2020-01-01" }, "validTo"],
    [
      "a council share of 1",
      { ...base, rules: { ...base.rules, councilApprovalShare: 1 } },
      "rules.councilApprovalShare",
    ],
    ["another format", { ...base, format: "ntm-dossier-regime/2" }, "format"],
    ["an upper-case code", { ...base, code: "QD18" }, "code"],
  ])("refuses %s", (_label, file, path) => {
    const parsed = regimeFileSchema.safeParse(file);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });
});
