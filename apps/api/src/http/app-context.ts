import type { Database } from "@ntm/db";
import type { Config } from "../shared/config.ts";

/** What every feature's routes receive: the database, the data folder, the configuration and the clock. */
export interface AppContext {
  database: Database;
  /** Folder for files kept beside the database (evidence uploads). */
  dataDir: string;
  config: Config;
  now: () => Date;
}
