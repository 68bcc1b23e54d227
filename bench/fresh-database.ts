import { rmSync } from "node:fs";
import { resolve } from "node:path";
import { createDatabase, type Database } from "@ntm/db";
import { timed } from "./format.ts";
import { createScratchDatabase, redactUrl } from "./postgres-scratch.ts";

export type EngineKind = "pglite" | "postgres";

export interface FreshDatabase {
  database: Database;
  openMs: number;
  /** PGlite folder or the scratch database's URL without its password. */
  location: string;
  /** Closes the database and drops the PostgreSQL scratch database unless `keep`. */
  dispose: () => Promise<void>;
}

/**
 * A fresh, migrated database: PGlite in `<dataRoot>/<folder>` (recreated), or a scratch
 * database on the PostgreSQL server of `postgresUrl` (see postgres-scratch.ts).
 */
export async function openFreshDatabase(
  kind: EngineKind,
  options: { dataRoot: string; folder: string; postgresUrl: string | undefined; keep: boolean },
): Promise<FreshDatabase> {
  let closed = false;
  if (kind === "pglite") {
    const dataDir = resolve(options.dataRoot, options.folder);
    rmSync(dataDir, { recursive: true, force: true });
    const { result, ms } = await timed(() => createDatabase({ dataDir }));
    return {
      database: result,
      openMs: ms,
      location: dataDir,
      dispose: async () => {
        if (!closed) await result.close();
        closed = true;
      },
    };
  }
  if (!options.postgresUrl) throw new Error("PostgreSQL run asked for without a server URL.");
  const scratch = await createScratchDatabase(options.postgresUrl);
  try {
    const { result, ms } = await timed(() => createDatabase({ url: scratch.url }));
    return {
      database: result,
      openMs: ms,
      location: redactUrl(scratch.url),
      dispose: async () => {
        if (!closed) await result.close();
        closed = true;
        if (!options.keep) await scratch.drop();
      },
    };
  } catch (error) {
    await scratch.drop();
    throw error;
  }
}
