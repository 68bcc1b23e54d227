import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { createNtmRunner } from "../test/ntm-runner.ts";

const shippedFile = fileURLToPath(
  new URL("../../../../data/regimes/qd18-2022-2cap.json", import.meta.url),
);
const { folder, ntm, cleanup } = createNtmRunner("ntm-cli-regimes-");

afterAll(cleanup);

it("imports a province's regime as version 2, skips an unchanged file, refuses an invalid one", async () => {
  const shipped = await ntm("regimes", "import", shippedFile);
  expect(shipped.stdout).toContain("qd18-2022-2cap không thay đổi (phiên bản 1)");

  const own = JSON.parse(readFileSync(shippedFile, "utf8")) as {
    steps: { code: string; due: object }[];
  };
  own.steps = own.steps.map((step) =>
    step.code === "appraisal"
      ? { ...step, due: { kind: "afterPrevious", days: 15, unit: "working" } }
      : step,
  );
  const ownFile = join(folder, "tinh-regime.json");
  writeFileSync(ownFile, JSON.stringify(own));
  const imported = await ntm("regimes", "import", ownFile);
  expect(imported.stderr).toBe("");
  expect(imported.stdout).toContain("qd18-2022-2cap phiên bản 2");

  const badFile = join(folder, "bad.json");
  writeFileSync(badFile, JSON.stringify({ ...own, steps: own.steps.slice(0, 3) }));
  const bad = await ntm("regimes", "import", badFile);
  expect(bad.code).toBe(1);
  expect(bad.stderr).toContain("Tệp quy trình hồ sơ chưa hợp lệ");
  expect(bad.stderr).toContain("steps");
});
