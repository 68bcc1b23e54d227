import nodemailer from "nodemailer";
import type { MailConfig } from "../config.ts";

export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  /** The same for every attempt at one message, so a receiving server can drop a repeat. */
  messageId: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** The SMTP server of NTM_SMTP_URL (e.g. smtp://user:pass@mail.example.vn:587). */
export function smtpTransport(config: MailConfig): MailTransport {
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    // A server that hangs must not hold a message past its claim (see send-outbox.ts).
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
      });
    },
    close: () => transport.close(),
  };
}
