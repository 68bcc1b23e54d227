import { createDatabase } from "@ntm/db";
import { startServer } from "./http/start-server.ts";
import { ConfigError, databaseOptions, loadConfig, type Config } from "./shared/config.ts";

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
await startServer({ config, database: await createDatabase(databaseOptions(config)) });
