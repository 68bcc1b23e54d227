import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createTestDatabase, type Database } from "@ntm/db";
import { startMailCatcher, type CaughtMail } from "../../test/mail-catcher.ts";
import type { MailConfig } from "../config.ts";
import { findOutboxMails } from "./outbox.repository.ts";
import { queueMail } from "./queue-mail.ts";
import { maxAttempts, retryDelayMs, sendOutbox } from "./send-outbox.ts";

let database: Database;
let catcher: Awaited<ReturnType<typeof startMailCatcher>>;
const received: CaughtMail[] = [];
const now = new Date("2024-06-15T08:00:00Z");
const later = (ms: number) => new Date(now.getTime() + ms);
let mail: MailConfig;

/** An SMTP server that answers every message with `code`, or holds it until released. */
async function startRefusingServer(behaviour: { code: number } | { hold: Promise<void> }) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => {
        if ("code" in behaviour) {
          const error = Object.assign(new Error(`refused with ${behaviour.code}`), {
            responseCode: behaviour.code,
          });
          callback(error);
        } else {
          void behaviour.hold.then(() => callback());
        }
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    config: {
      ...mail,
      smtpUrl: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const queue = (
  to: string[],
  subject = "Hồ sơ chờ bước: Thẩm tra",
  config: MailConfig | null = mail,
) =>
  database.db.transaction((tx) =>
    queueMail(tx, config, { to, subject, text: "Mở hồ sơ: /dossiers/1" }, now),
  );

beforeAll(async () => {
  database = await createTestDatabase();
  catcher = await startMailCatcher(received);
  mail = {
    smtpUrl: catcher.url,
    from: "NTM Monitor <ntm@example.vn>",
    intervalSeconds: 30,
    linkBase: "",
  };
});
afterAll(async () => {
  await database?.close();
  await catcher?.close();
});
beforeEach(async () => {
  received.length = 0;
  await database.db.execute(sql`delete from mail_outbox`);
});

describe("queueing", () => {
  it("queues nothing without an SMTP server or without a recipient", async () => {
    expect(await queue(["huyen@example.vn"], "x", null)).toBe(false);
    expect(await queue([])).toBe(false);
    expect(await findOutboxMails(database.db)).toEqual([]);
  });

  it("queues nothing when the change it announces is rolled back", async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await queueMail(tx, mail, { to: ["huyen@example.vn"], subject: "x", text: "y" }, now);
        throw new Error("the change is refused");
      }),
    ).rejects.toThrow("the change is refused");
    expect(await findOutboxMails(database.db)).toEqual([]);
  });
});

describe("sending", () => {
  it("delivers each message once, with a Vietnamese subject, however often it runs", async () => {
    await queue(["huyen@example.vn"]);
    await queue(["mttq@example.vn", "xa@example.vn"], "Hồ sơ chờ bước: Góp ý");
    expect(await sendOutbox(database.db, { mail, now: () => now })).toEqual({
      sent: 2,
      retrying: 0,
      failed: [],
    });
    expect(received.map((item) => item.to)).toEqual([
      ["huyen@example.vn"],
      ["mttq@example.vn", "xa@example.vn"],
    ]);
    expect(received[0]?.body).toMatch(/Subject: =\?UTF-8\?/);
    expect(received[0]?.body).toMatch(/Message-ID: <outbox-\d+-\d+@example\.vn>/i);
    expect((await findOutboxMails(database.db)).map((row) => [row.state, row.attempts])).toEqual([
      ["sent", 1],
      ["sent", 1],
    ]);
    expect(await sendOutbox(database.db, { mail, now: () => later(3600_000) })).toEqual({
      sent: 0,
      retrying: 0,
      failed: [],
    });
    expect(received).toHaveLength(2);
  });

  it("sends each message once when two senders run at the same time", async () => {
    for (let index = 0; index < 6; index += 1) await queue([`xa${index}@example.vn`]);
    const runs = await Promise.all([
      sendOutbox(database.db, { mail, now: () => now }),
      sendOutbox(database.db, { mail, now: () => now }),
    ]);
    expect(runs[0]!.sent + runs[1]!.sent).toBe(6);
    expect(received.map((item) => item.to[0]).sort()).toEqual(
      [0, 1, 2, 3, 4, 5].map((index) => `xa${index}@example.vn`),
    );
  });

  it("holds no transaction while the SMTP server answers", async () => {
    let release = () => {};
    const hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = await startRefusingServer({ hold });
    try {
      await queue(["huyen@example.vn"]);
      const run = sendOutbox(database.db, { mail: slow.config, now: () => now });
      // While the server holds the message, another change (with its own mail) commits at once;
      // were the sender inside a transaction, this would wait for the release and never finish.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await queue(["xa@example.vn"], "Thư thứ hai")).toBe(true);
      expect(
        (await findOutboxMails(database.db)).map((row) => [row.subject, row.claimedUntil !== null]),
      ).toEqual([
        ["Hồ sơ chờ bước: Thẩm tra", true],
        ["Thư thứ hai", false],
      ]);
      release();
      expect((await run).sent).toBe(2);
    } finally {
      release();
      await slow.close();
    }
  });

  it("tries again later when the server refuses for now, and gives up after the last attempt", async () => {
    const busy = await startRefusingServer({ code: 451 });
    try {
      await queue(["huyen@example.vn"]);
      expect(await sendOutbox(database.db, { mail: busy.config, now: () => now })).toMatchObject({
        sent: 0,
        retrying: 1,
      });
      const [row] = await findOutboxMails(database.db);
      expect(row).toMatchObject({ state: "pending", attempts: 1, claimedUntil: null });
      expect(row?.lastError).toContain("451");
      expect(row?.nextAttemptAt).toEqual(later(retryDelayMs(1)));
      // Not due yet: the next run leaves it alone.
      expect(await sendOutbox(database.db, { mail, now: () => now })).toMatchObject({ sent: 0 });
      expect(received).toEqual([]);

      let at = now;
      for (let attempt = 2; attempt <= maxAttempts; attempt += 1) {
        at = new Date(at.getTime() + retryDelayMs(attempt - 1));
        await sendOutbox(database.db, { mail: busy.config, now: () => at });
      }
      const [last] = await findOutboxMails(database.db);
      expect(last).toMatchObject({ state: "failed", attempts: maxAttempts });
      // A failed message is not sent by a later run, even to a working server.
      expect(
        await sendOutbox(database.db, { mail, now: () => new Date(at.getTime() + 86400_000) }),
      ).toMatchObject({ sent: 0 });
    } finally {
      await busy.close();
    }
  });

  it("gives up at once on a permanent refusal and says why", async () => {
    const unknown = await startRefusingServer({ code: 550 });
    try {
      await queue(["khong-ton-tai@example.vn"]);
      const run = await sendOutbox(database.db, { mail: unknown.config, now: () => now });
      expect(run.failed).toEqual([
        {
          id: expect.any(Number),
          to: ["khong-ton-tai@example.vn"],
          error: expect.stringContaining("550"),
        },
      ]);
      expect((await findOutboxMails(database.db))[0]).toMatchObject({
        state: "failed",
        attempts: 1,
      });
    } finally {
      await unknown.close();
    }
  });

  it("delivers a retried message once the server is back", async () => {
    const busy = await startRefusingServer({ code: 421 });
    try {
      await queue(["huyen@example.vn"]);
      await sendOutbox(database.db, { mail: busy.config, now: () => now });
    } finally {
      await busy.close();
    }
    const run = await sendOutbox(database.db, { mail, now: () => later(retryDelayMs(1)) });
    expect(run.sent).toBe(1);
    expect(received).toHaveLength(1);
    expect((await findOutboxMails(database.db))[0]).toMatchObject({
      state: "sent",
      attempts: 2,
      lastError: null,
    });
  });
});
