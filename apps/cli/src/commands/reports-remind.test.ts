import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createNtmRunner } from "../test/ntm-runner.ts";

const { ntmWith, cleanup } = createNtmRunner("ntm-cli-remind-");
let server: SMTPServer;
let smtpUrl = "";

beforeAll(async () => {
  server = new SMTPServer({ authOptional: true, disabledCommands: ["STARTTLS"] });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  cleanup();
});

it("ntm reports remind refuses to run without NTM_SMTP_URL and reports what it sent", async () => {
  const without = await ntmWith({ NTM_SMTP_URL: "" }, "reports", "remind");
  expect(without.code).toBe(1);
  expect(without.stderr).toContain("NTM_SMTP_URL chưa được đặt");
  const sent = await ntmWith({ NTM_SMTP_URL: smtpUrl }, "reports", "remind");
  expect(sent.code, sent.stderr).toBe(0);
  expect(sent.stdout).toContain("Đã gửi 0 thư nhắc hạn.");
}, 120_000);
