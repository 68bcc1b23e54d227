import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDatabase, tables } from "@ntm/db";
import { createNtmRunner } from "../test/ntm-runner.ts";

const { folder, ntm, ntmWith, cleanup } = createNtmRunner("ntm-cli-mail-");
let server: SMTPServer;
let smtpUrl = "";
const received: string[][] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        received.push(session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  cleanup();
});

it("refuses a mistyped setting, naming it in Vietnamese", async () => {
  const result = await ntmWith({ NTM_SMTP_URL: "mail.example.vn" }, "mail", "send");
  expect(result.code).toBe(1);
  expect(result.stderr).toContain("Cấu hình môi trường không hợp lệ");
  expect(result.stderr).toContain('NTM_SMTP_URL="mail.example.vn"');
}, 120_000);

it("ntm mail send delivers what waits in the outbox, once", async () => {
  expect((await ntm("migrate")).code).toBe(0);
  const database = await createDatabase({ dataDir: join(folder, "data", "pg") });
  const now = new Date();
  await database.db.insert(tables.mailOutbox).values({
    recipients: ["huyen@example.vn"],
    subject: "[NTM] Hồ sơ chờ bước: Thẩm tra",
    body: "Mở hồ sơ: /dossiers/1",
    createdAt: now,
    nextAttemptAt: now,
  });
  await database.close();

  const without = await ntmWith({ NTM_SMTP_URL: "" }, "mail", "send");
  expect(without.code).toBe(1);
  expect(without.stderr).toContain("NTM_SMTP_URL chưa được đặt");

  const sent = await ntmWith({ NTM_SMTP_URL: smtpUrl }, "mail", "send");
  expect(sent.code, sent.stderr).toBe(0);
  expect(sent.stdout).toContain("Hộp thư đi: đã gửi 1 thư.");
  expect(received).toEqual([["huyen@example.vn"]]);

  const again = await ntmWith({ NTM_SMTP_URL: smtpUrl }, "mail", "send");
  expect(again.stdout).toContain("Hộp thư đi: đã gửi 0 thư.");
  expect(received).toHaveLength(1);
}, 240_000);
