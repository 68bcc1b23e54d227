import { createDatabase, type Database } from "@ntm/db";

export interface CliContext {
  database: Database;
  dataDir: string;
}

/** Opens (and migrates) the database the environment names, runs the work, and closes it. */
export async function withDatabase<T>(work: (context: CliContext) => Promise<T>): Promise<T> {
  const dataDir = process.env.NTM_DATA_DIR ?? ".data";
  const database = await createDatabase({
    dataDir: process.env.DATABASE_URL ? undefined : `${dataDir}/pg`,
  });
  try {
    return await work({ database, dataDir });
  } finally {
    await database.close();
  }
}
