import type { DbOrTx } from "@ntm/db";
import type { MailConfig } from "../config.ts";
import { insertOutboxMail } from "./outbox.repository.ts";

export interface Mail {
  to: string[];
  subject: string;
  text: string;
}

/**
 * Puts an e-mail in the outbox inside the caller's transaction, so it is sent if and only if the
 * change it announces is committed; the SMTP round trip happens later, outside the transaction.
 * Nothing is queued when no SMTP server is configured (the in-app inbox still shows the work) or
 * when there is nobody to write to. Returns whether the mail was queued.
 */
export async function queueMail(
  tx: DbOrTx,
  config: MailConfig | null | undefined,
  mail: Mail,
  now: Date,
): Promise<boolean> {
  if (!config || mail.to.length === 0) return false;
  await insertOutboxMail(tx, { ...mail, now });
  return true;
}
