import { databaseOptions, loadConfig, startServer, useHolidaysFile } from "@ntm/api";
import { createDatabase } from "@ntm/db";
import { seedDemo } from "./seed-demo.ts";

/**
 * `ntm serve [--demo-if-empty]`: the server of `apps/api/src/main.ts`, after loading the demo
 * into an empty database when asked, on the same open database: `npm start` runs one process,
 * which opens and migrates the database once.
 */
export async function serveCommand(options: { demoIfEmpty: boolean }) {
  const config = loadConfig();
  useHolidaysFile(config.holidaysFile);
  const database = await createDatabase(databaseOptions(config));
  if (options.demoIfEmpty) await seedDemo(database, { ifEmpty: true });
  await startServer({ config, database });
}
