import type { Database } from "@ntm/db";
import type { Config } from "../shared/config.ts";
import type { JobQueue } from "../features/jobs/index.ts";
import type { FileStorage } from "../shared/storage/index.ts";

/**
 * What every feature's routes receive: the database, the data folder, the file storage, the
 * configuration and the clock.
 */
export interface AppContext {
  database: Database;
  /** Folder for files kept beside the database (evidence uploads). */
  dataDir: string;
  /** Uploaded files: the data folder, or the S3-compatible bucket every API process shares. */
  storage: FileStorage;
  config: Config;
  now: () => Date;
  /** Background jobs: pg-boss on a PostgreSQL server, in process on the embedded database. */
  jobs: JobQueue;
}
