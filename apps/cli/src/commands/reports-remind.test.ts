import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";

const run = promisify(execFile);
const bin = fileURLToPath(new URL("../../bin/ntm.mjs", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "ntm-cli-remind-"));
let server: SMTPServer;
let smtpUrl = "";

async function ntm(env: Record<string, string>, ...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
      env: { ...process.env, NTM_DATA_DIR: join(folder, "data"), DATABASE_URL: "", ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

beforeAll(async () => {
  server = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS"] });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(folder, { recursive: true, force: true });
});

it("ntm reports remind refuses to run without NTM_SMTP_URL and reports what it sent", async () => {
  const without = await ntm({ NTM_SMTP_URL: "" }, "reports", "remind");
  expect(without.code).toBe(1);
  expect(without.stderr).toContain("NTM_SMTP_URL chưa được đặt");
  const sent = await ntm({ NTM_SMTP_URL: smtpUrl }, "reports", "remind");
  expect(sent.code, sent.stderr).toBe(0);
  expect(sent.stdout).toContain("Đã gửi 0 thư nhắc hạn.");
}, 120_000);
