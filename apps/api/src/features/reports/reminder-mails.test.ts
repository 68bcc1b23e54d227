import { afterAll, beforeAll, expect, it } from "vitest";
import { startMailCatcher, type CaughtMail } from "../../test/mail-catcher.ts";
import { createTestApp, fixedNow, loginAs, type TestApp } from "../../test/test-app.ts";
import { loadConfig, type MailConfig } from "../../shared/config.ts";
import { sendOutbox } from "../../shared/mail/index.ts";
import { sendReminderMails } from "./reminder-mails.service.ts";

let t: TestApp;
let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
const received: CaughtMail[] = [];
let smtp: MailConfig;

/** A scheduled run: queues the reminders due, then sends the outbox as the server does. */
async function remindAt(now: Date) {
  const result = await sendReminderMails(t.database.db, { now, mail: smtp });
  await sendOutbox(t.database.db, { mail: smtp, now: () => now });
  return result;
}

beforeAll(async () => {
  catcher = await startMailCatcher(received);
  smtp = loadConfig({ NTM_SMTP_URL: catcher.url }).mail!;
  t = await createTestApp();
  const vpdp = await loginAs(t.app, "vpdp");
  const created = await t.app.inject({
    method: "POST",
    url: "/api/report-types",
    headers: { cookie: vpdp },
    payload: {
      code: "huyen-thang",
      name: "Báo cáo tháng của UBND huyện",
      cadence: "monthly",
      dueRule: { kind: "dayOfNextMonth", day: 15 },
      submitterLevel: "district",
    },
  });
  expect(created.statusCode).toBe(201);
  const huyen = await loginAs(t.app, "huyen");
  const email = await t.app.inject({
    method: "PUT",
    url: "/api/notification-email",
    headers: { cookie: huyen },
    payload: { email: "huyen@example.vn" },
  });
  expect(email.statusCode).toBe(200);
});

afterAll(async () => {
  await t?.close();
  await catcher?.close();
});

it("sends nothing and records nothing without NTM_SMTP_URL", async () => {
  const result = await sendReminderMails(t.database.db, { now: fixedNow, mail: null });
  expect(result).toEqual({ configured: false, sent: [], withoutAddress: 0 });
  expect(received).toEqual([]);
});

it("e-mails the district before and after the due date, once each", async () => {
  // The run opens the periods due (December 2023 to May 2024) as the system. 15/06/2024 is the
  // due date of May's report (due soon) and after those of December–April.
  const first = await remindAt(fixedNow);
  expect(first.sent.map((mail) => mail.kind).sort()).toEqual([
    "due_soon",
    "overdue",
    "overdue",
    "overdue",
    "overdue",
    "overdue",
  ]);
  // The other district has no address on file.
  expect(first.withoutAddress).toBe(6);
  expect(received).toHaveLength(6);
  expect(received.every((mail) => mail.to.join() === "huyen@example.vn")).toBe(true);
  const bodies = received.map((mail) => mail.body).join("\n");
  expect(bodies).toContain("Subject: =?UTF-8?");
  expect(Buffer.from(bodies).toString("utf8")).toMatch(/Th=C3=A1ng 5\/2024|Tháng 5\/2024/u);

  // A second run on the same day, and one the day after, send nothing new but May's overdue mail.
  const again = await remindAt(fixedNow);
  expect(again.sent).toEqual([]);
  const nextDay = await remindAt(new Date(fixedNow.getTime() + 24 * 3600 * 1000));
  expect(nextDay.sent.map((mail) => [mail.kind, mail.message])).toEqual([
    ["overdue", "Báo cáo tháng của UBND huyện — Tháng 5/2024: đã quá hạn 1 ngày (hạn 15/06/2024)."],
  ]);
  expect(received).toHaveLength(7);
});
