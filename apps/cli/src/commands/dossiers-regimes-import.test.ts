import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, expect, it } from "vitest";

const run = promisify(execFile);
const bin = fileURLToPath(new URL("../../bin/ntm.mjs", import.meta.url));
const shippedFile = fileURLToPath(
  new URL("../../../../data/regimes/qd18-2022-2cap.json", import.meta.url),
);
const folder = mkdtempSync(join(tmpdir(), "ntm-cli-regimes-"));
const env = { ...process.env, NTM_DATA_DIR: join(folder, "data"), DATABASE_URL: "" };

async function ntm(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

afterAll(() => rmSync(folder, { recursive: true, force: true }));

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
