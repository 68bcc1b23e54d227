import type { Transporter } from "nodemailer";
import type { MailConfig } from "../config.ts";
import { loadNodemailer } from "../lazy-packages.ts";

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

/**
 * The SMTP server of NTM_SMTP_URL (e.g. smtp://user:pass@mail.example.vn:587), connected at the
 * first message.
 */
export function smtpTransport(config: MailConfig): MailTransport {
  let transport: Promise<Transporter> | undefined;
  const open = () =>
    (transport ??= loadNodemailer().then((nodemailer) =>
      nodemailer.createTransport({
        url: config.smtpUrl,
        // A server that hangs must not hold a message past its claim (see send-outbox.ts).
        connectionTimeout: 30_000,
        greetingTimeout: 30_000,
        socketTimeout: 60_000,
      }),
    ));
  return {
    async send(mail) {
      const opened = await open();
      await opened.sendMail({
        from: config.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: mail.messageId,
      });
    },
    // A transport that failed to open has nothing to close; its error went to the sender.
    close: () =>
      void transport?.then(
        (opened) => opened.close(),
        () => undefined,
      ),
  };
}
