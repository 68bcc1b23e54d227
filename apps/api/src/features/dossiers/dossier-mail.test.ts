import { afterAll, beforeAll, expect, it } from "vitest";
import { systemUser } from "../auth/index.ts";
import { createUser } from "../users/index.ts";
import { startMailCatcher, type CaughtMail } from "../../test/mail-catcher.ts";
import {
  createTestApp,
  fixedNow,
  loginAs,
  testPassword,
  type TestApp,
} from "../../test/test-app.ts";
import { loadConfig, type MailConfig } from "../../shared/config.ts";
import { sendOutbox } from "../../shared/mail/index.ts";

let t: TestApp;
let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
const received: CaughtMail[] = [];
let smtp: MailConfig;
// Steps queue their e-mails in the outbox; the server's sender delivers them.
const sendMails = () => sendOutbox(t.database.db, { mail: smtp, now: () => fixedNow });

beforeAll(async () => {
  catcher = await startMailCatcher(received);
  const config = loadConfig({ NTM_SMTP_URL: catcher.url });
  smtp = config.mail!;
  t = await createTestApp({ config });
  await createUser(t.database.db, {
    input: { username: "mttq1", password: testPassword, role: "fatherland_front", unitCode: "X01" },
    by: systemUser,
  });
});

afterAll(async () => {
  await t?.close();
  await catcher?.close();
});

it("lets each account set, read and clear its own address, and refuses a bad one", async () => {
  const huyen = await loginAs(t.app, "huyen");
  const put = (email: unknown) =>
    t.app.inject({
      method: "PUT",
      url: "/api/notification-email",
      headers: { cookie: huyen },
      payload: { email },
    });
  const get = async () =>
    (
      await t.app.inject({
        method: "GET",
        url: "/api/notification-email",
        headers: { cookie: huyen },
      })
    ).json();
  expect(await get()).toEqual({ email: null });
  const bad = await put("huyen at example");
  expect(bad.statusCode).toBe(400);
  expect(bad.json().error.message).toBeTruthy();
  expect((await put("Other@Example.vn")).json()).toEqual({ email: "other@example.vn" });
  expect((await put("")).json()).toEqual({ email: null });
  expect(await get()).toEqual({ email: null });
  expect((await put("huyen@example.vn")).statusCode).toBe(200);
  expect(await get()).toEqual({ email: "huyen@example.vn" });
  const anonymous = await t.app.inject({ method: "GET", url: "/api/notification-email" });
  expect(anonymous.statusCode).toBe(401);
});

it("e-mails the Front, then the verifying district, when the dossier reaches them", async () => {
  const front = await loginAs(t.app, "mttq1");
  await t.app.inject({
    method: "PUT",
    url: "/api/notification-email",
    headers: { cookie: front },
    payload: { email: "mttq@example.vn" },
  });
  const admin = await loginAs(t.app, "vpdp");
  const xa = await loginAs(t.app, "xa1");
  const post = (cookie: string, url: string, payload: object) =>
    t.app.inject({ method: "POST", url, headers: { cookie }, payload });
  const batch = (
    await post(admin, "/api/dossier-batches", {
      provinceCode: "P01",
      name: "Đợt 1",
      year: 2024,
      deadline: "2024-11-30",
    })
  ).json();
  const dossier = (
    await post(xa, "/api/dossiers", { unitCode: "X01", year: 2024, batchId: batch.id })
  ).json();
  const base = `/api/dossiers/${dossier.id}/steps`;
  expect(
    (
      await post(xa, `${base}/self_assessment/complete`, {
        reportNumber: "1/BC",
        reportDate: "2024-01-01",
      })
    ).statusCode,
  ).toBe(200);
  await sendMails();
  expect(received.find((mail) => mail.to.includes("mttq@example.vn"))?.body).toContain(
    `/dossiers/${dossier.id}`,
  );
  expect(
    (
      await post(front, `${base}/front_comments/complete`, {
        comments: [{ organisation: "MTTQ xã", date: "2024-01-02", content: "Nhất trí" }],
      })
    ).statusCode,
  ).toBe(200);
  expect(
    (
      await post(xa, `${base}/public_posting/complete`, {
        postingFrom: "2024-01-03",
        postingTo: "2024-01-17",
        places: ["UBND xã"],
        broadcasts: ["2024-01-03", "2024-01-04", "2024-01-05", "2024-01-06", "2024-01-07"],
      })
    ).statusCode,
  ).toBe(200);
  await sendMails();
  expect(received.filter((mail) => mail.to.includes("huyen@example.vn"))).toHaveLength(0);
  expect(
    (
      await post(front, `${base}/satisfaction_survey/complete`, {
        formsIssued: 100,
        formsReturned: 100,
        formsSatisfied: 95,
      })
    ).statusCode,
  ).toBe(200);
  await sendMails();
  const mail = received.find((item) => item.to.includes("huyen@example.vn"));
  expect(mail).toBeDefined();
  expect(mail?.body).toMatch(/Subject: =\?UTF-8\?/);
  expect(mail?.body).toContain(`/dossiers/${dossier.id}`);
});
