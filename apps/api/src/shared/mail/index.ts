export { queueMail, type Mail } from "./queue-mail.ts";
export { sendOutbox, type OutboxRun } from "./send-outbox.ts";
export { startMailSender } from "./mail-sender.ts";
