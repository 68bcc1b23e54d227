import type { Db } from "@ntm/db";
import type { MailConfig } from "../config.ts";
import {
  claimDueMail,
  markMailAttemptFailed,
  markMailSent,
  type OutboxRow,
} from "./outbox.repository.ts";
import { smtpTransport, type MailTransport } from "./smtp-transport.ts";

/** Longer than one SMTP exchange can take with the transport's timeouts. */
const claimMs = 5 * 60 * 1000;
export const maxAttempts = 10;

/** 1, 2, 4 … minutes after each failure, at most 4 hours: about 8 hours in all. */
export function retryDelayMs(attempts: number): number {
  return Math.min(2 ** (attempts - 1), 240) * 60 * 1000;
}

export interface OutboxRun {
  sent: number;
  /** Refused for now (server down, mailbox busy): tried again later. */
  retrying: number;
  /** Refused for good (an unknown mailbox) or after the last attempt. */
  failed: { id: number; to: string[]; error: string }[];
}

function classify(error: unknown): { message: string; permanent: boolean } {
  const code = (error as { responseCode?: number }).responseCode;
  const message = error instanceof Error ? error.message : String(error);
  return { message, permanent: code !== undefined && code >= 500 && code < 600 };
}

function messageId(row: OutboxRow, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? "ntm-monitor";
  return `<outbox-${row.id}-${row.createdAt.getTime()}@${domain}>`;
}

/**
 * Sends every message of the outbox that is due, one at a time, each claimed by a short statement
 * and marked sent or failed after its SMTP exchange: no transaction stays open across the network.
 * A message marked sent is never sent again; if the process dies between the exchange and the
 * mark, the message goes once more with the same Message-ID.
 */
export async function sendOutbox(
  db: Db,
  options: { mail: MailConfig; now?: () => Date; transport?: MailTransport },
): Promise<OutboxRun> {
  const now = options.now ?? (() => new Date());
  const run: OutboxRun = { sent: 0, retrying: 0, failed: [] };
  let transport = options.transport;
  try {
    for (;;) {
      const started = now();
      const row = await claimDueMail(db, {
        now: started,
        until: new Date(started.getTime() + claimMs),
      });
      if (!row) return run;
      transport ??= smtpTransport(options.mail);
      try {
        await transport.send({
          to: row.recipients,
          subject: row.subject,
          text: row.body,
          messageId: messageId(row, options.mail.from),
        });
        await markMailSent(db, row.id, now());
        run.sent += 1;
      } catch (error) {
        const { message, permanent } = classify(error);
        const retry = !permanent && row.attempts < maxAttempts;
        await markMailAttemptFailed(db, row.id, {
          error: message,
          retryAt: retry ? new Date(now().getTime() + retryDelayMs(row.attempts)) : null,
        });
        if (retry) run.retrying += 1;
        else run.failed.push({ id: row.id, to: row.recipients, error: message });
      }
    }
  } finally {
    if (!options.transport) transport?.close();
  }
}
