import { databaseOptions, loadConfig, useHolidaysFile, type Config } from "@ntm/api";
import { createDatabase, type Database } from "@ntm/db";

export interface CliContext {
  database: Database;
  dataDir: string;
  config: Config;
}

/** Opens (and migrates) the database the configuration names, runs the work, and closes it. */
export async function withDatabase<T>(work: (context: CliContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  useHolidaysFile(config.holidaysFile);
  const database = await createDatabase(databaseOptions(config));
  try {
    return await work({ database, dataDir: config.dataDir, config });
  } finally {
    await database.close();
  }
}
