import type { FastifyBaseLogger } from "fastify";
import type { Db } from "@ntm/db";
import type { MailConfig } from "../config.ts";
import { sendOutbox } from "./send-outbox.ts";

/**
 * Sends the outbox every `intervalSeconds` while the server runs. A run never overlaps the one
 * before it. Returns a function that stops the timer and waits for a run in progress.
 */
export function startMailSender(
  db: Db,
  mail: MailConfig,
  log: Pick<FastifyBaseLogger, "info" | "warn" | "error">,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = sendOutbox(db, { mail })
      .then((run) => {
        if (run.sent > 0 || run.retrying > 0) log.info({ mail: run }, "mail outbox sent");
        for (const failure of run.failed) log.warn({ mail: failure }, "mail not delivered");
      })
      .catch((error: unknown) => log.error({ err: error }, "mail outbox run failed"))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, mail.intervalSeconds * 1000);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
