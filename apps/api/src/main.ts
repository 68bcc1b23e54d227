import { fileURLToPath } from "node:url";
import { createDatabase } from "@ntm/db";
import { buildServer } from "./http/build-server.ts";
import { demoAccountsNotice } from "./features/demo/demo-accounts.ts";
import { ConfigError, databaseOptions, loadConfig, type Config } from "./shared/config.ts";
import { startMailSender } from "./shared/mail/index.ts";
import { stopOnSignals } from "./shared/graceful-shutdown.ts";
import {
  createJobQueue,
  scheduleReminderMails,
  scheduleStorageSweep,
} from "./features/jobs/index.ts";
import { createFileStorage } from "./shared/storage/index.ts";

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

const config = readConfig();
const { port, host } = config;

const database = await createDatabase(databaseOptions(config));
const storage = createFileStorage(config);
const jobs = createJobQueue(database, config, () => new Date(), storage);
const app = await buildServer({
  database,
  jobs,
  storage,
  dataDir: config.dataDir,
  config,
  webDist: config.webDist ?? fileURLToPath(new URL("../../web/dist", import.meta.url)),
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

await app.listen({ port, host });
const notice = await demoAccountsNotice(database.db, { demoLogins: config.demo });
console.log(
  `\nNTM Monitor đang chạy tại http://localhost:${port} (cơ sở dữ liệu: ${database.kind}, ${database.location})`,
);
if (notice) console.log(notice);
