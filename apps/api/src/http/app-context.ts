import type { Database } from "@ntm/db";

/** What every feature's routes receive: the database, the data folder and the clock. */
export interface AppContext {
  database: Database;
  /** Folder for files kept beside the database (evidence uploads). */
  dataDir: string;
  now: () => Date;
}
