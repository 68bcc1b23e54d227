import { sendOutbox, type OutboxRun } from "@ntm/api";
import { withDatabase } from "../cli-context.ts";

/** Says what a run of the outbox did; a message given up on makes the command fail. */
export function printOutboxRun(run: OutboxRun) {
  console.log(`Hộp thư đi: đã gửi ${run.sent} thư.`);
  if (run.retrying > 0) {
    console.log(`${run.retrying} thư máy chủ thư chưa nhận; sẽ gửi lại sau (ntm mail send).`);
  }
  for (const failure of run.failed) {
    console.error(
      `Không gửi được thư số ${failure.id} đến ${failure.to.join(", ")}: ${failure.error}`,
    );
  }
  if (run.failed.length > 0) process.exitCode = 1;
}

/**
 * `ntm mail send`: sends what is waiting in the mail outbox now. The server does the same every
 * NTM_MAIL_INTERVAL_SECONDS; this is for installations where the server is stopped, or to retry
 * at once after the mail server is repaired.
 */
export async function mailSendCommand() {
  await withDatabase(async ({ database, config }) => {
    if (!config.mail) {
      console.error("NTM_SMTP_URL chưa được đặt: không gửi được thư nào.");
      process.exitCode = 1;
      return;
    }
    printOutboxRun(await sendOutbox(database.db, { mail: config.mail }));
  });
}
