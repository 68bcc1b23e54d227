import { sendOutbox, sendReminderMails } from "@ntm/api";
import { withDatabase } from "../cli-context.ts";
import { printOutboxRun } from "./mail-send.ts";

/**
 * `ntm reports remind`: e-mails the reminders due today (before and after each due date).
 * Safe to run daily from a scheduler: a reminder already sent is not sent again.
 */
export async function reportsRemindCommand() {
  await withDatabase(async ({ database, config }) => {
    const result = await sendReminderMails(database.db, { now: new Date(), mail: config.mail });
    if (!config.mail) {
      console.error("NTM_SMTP_URL chưa được đặt: không gửi thư nhắc hạn nào.");
      process.exitCode = 1;
      return;
    }
    for (const mail of result.sent) console.log(`${mail.to.join(", ")}: ${mail.message}`);
    console.log(`Đã gửi ${result.sent.length} thư nhắc hạn.`);
    if (result.withoutAddress > 0) {
      console.log(
        `${result.withoutAddress} báo cáo cần nhắc nhưng đơn vị chưa khai báo địa chỉ thư điện tử.`,
      );
    }
    printOutboxRun(await sendOutbox(database.db, { mail: config.mail }));
  });
}
