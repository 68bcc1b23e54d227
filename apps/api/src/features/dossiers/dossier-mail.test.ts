import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, expect, it } from "vitest";
import { tables } from "@ntm/db";
import { createTestApp, loginAs, type TestApp } from "../../test/test-app.ts";
import { upsertNotificationContact } from "./dossiers.repository.ts";

interface Received {
  to: string[];
  body: string;
}

let t: TestApp;
let server: SMTPServer;
const received: Received[] = [];

beforeAll(async () => {
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          body: Buffer.concat(chunks).toString("utf8"),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.NTM_SMTP_URL = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
  t = await createTestApp();
});

afterAll(async () => {
  delete process.env.NTM_SMTP_URL;
  await t?.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

it("e-mails the verifying district when the commune hands the dossier on", async () => {
  const [huyen] = await t.database.db
    .select()
    .from(tables.users)
    .where(eq(tables.users.username, "huyen"));
  await upsertNotificationContact(t.database.db, huyen?.id as number, "huyen@example.vn");
  const admin = await loginAs(t.app, "vpdp");
  const xa = await loginAs(t.app, "xa1");
  const post = (cookie: string, url: string, payload: object) =>
    t.app.inject({ method: "POST", url, headers: { cookie }, payload });
  const batch = (
    await post(admin, "/api/dossier-batches", {
      provinceCode: "P01",
      name: "Đợt 1",
      year: 2024,
      deadline: "2024-02-28",
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
  expect(
    (
      await post(xa, `${base}/front_comments/complete`, {
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
  expect(received.filter((mail) => mail.to.includes("huyen@example.vn"))).toHaveLength(0);
  expect(
    (
      await post(xa, `${base}/satisfaction_survey/complete`, {
        formsIssued: 100,
        formsReturned: 100,
        formsSatisfied: 95,
      })
    ).statusCode,
  ).toBe(200);
  const mail = received.find((item) => item.to.includes("huyen@example.vn"));
  expect(mail).toBeDefined();
  expect(mail?.body).toMatch(/Subject: =\?UTF-8\?/);
  expect(mail?.body).toContain(`/dossiers/${dossier.id}`);
});
