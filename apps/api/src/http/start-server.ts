import { fileURLToPath } from "node:url";
import type { Database } from "@ntm/db";
import { demoAccountsNotice } from "../features/demo/demo-accounts.ts";
import {
  createJobQueue,
  scheduleReminderMails,
  scheduleStorageSweep,
} from "../features/jobs/index.ts";
import type { Config } from "../shared/config.ts";
import { stopOnSignals } from "../shared/graceful-shutdown.ts";
import { startMailSender } from "../shared/mail/index.ts";
import { createFileStorage } from "../shared/storage/index.ts";
import { buildServer } from "./build-server.ts";

/**
 * Serves the API and the web app on an open database until SIGTERM/SIGINT: the job queue, the
 * mail sender and the schedules start with it and stop with it, and the database is closed.
 * `main.ts` and `ntm serve` (which may load the demo first, in the same process) both call it.
 */
export async function startServer({ config, database }: { config: Config; database: Database }) {
  const storage = createFileStorage(config);
  const jobs = createJobQueue(database, config, () => new Date(), storage);
  const app = await buildServer({
    database,
    jobs,
    storage,
    dataDir: config.dataDir,
    config,
    webDist: config.webDist ?? fileURLToPath(new URL("../../../web/dist", import.meta.url)),
    logger: true,
  });

  // Workflow e-mails wait in the outbox table; the server sends them in the background.
  const stopMail = config.mail ? startMailSender(database.db, config.mail, app.log) : undefined;
  // Any server runs any job; the day's reminder e-mails are one job whichever servers ask for it.
  await jobs.start(app.log);
  const stopReminders = config.mail
    ? scheduleReminderMails(jobs, {
        now: () => new Date(),
        log: app.log,
        hour: config.jobs.reminderHour,
      })
    : undefined;
  // Files left by a server stopped between storing an upload and committing its row.
  const stopSweeps = scheduleStorageSweep(jobs, { now: () => new Date(), log: app.log });

  const shutdown = async () => {
    stopReminders?.();
    stopSweeps();
    await app.close();
    await jobs.stop();
    await stopMail?.();
    await database.close();
    process.exit(0);
  };
  stopOnSignals(shutdown, { timeoutMs: config.shutdownTimeoutSeconds * 1000, log: app.log });

  await app.listen({ port: config.port, host: config.host });
  const notice = await demoAccountsNotice(database.db, { demoLogins: config.demo });
  console.log(
    `\nNTM Monitor đang chạy tại http://localhost:${config.port} (cơ sở dữ liệu: ${database.kind}, ${database.location})`,
  );
  if (notice) console.log(notice);
}
