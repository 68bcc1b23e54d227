import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import os from "node:os";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@ntm/db";

export interface MachineInfo {
  cpuModel: string;
  cores: number;
  ramGiB: number;
  node: string;
  os: string;
  loadAverage: number[];
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    ramGiB: os.totalmem() / 1024 ** 3,
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg(),
  };
}

/** `select version()`: PGlite reports its own version there, e.g. "PostgreSQL 18.6 (PGlite 0.5.16)". */
export async function databaseVersion(database: Database): Promise<string> {
  const rows = await queryRows<{ version: string }>(database.db, sql`select version() as version`);
  return rows[0]?.version ?? "unknown";
}

export async function databaseSizes(database: Database) {
  const rows = await queryRows<{ database: string; values: string; results: string }>(
    database.db,
    sql`select pg_database_size(current_database())::text as database,
               pg_total_relation_size('assessment_values')::text as values,
               (pg_total_relation_size('evaluation_results')
                 + pg_total_relation_size('evaluation_criteria'))::text as results`,
  );
  const row = rows[0];
  return {
    databaseBytes: Number(row?.database ?? 0),
    valuesBytes: Number(row?.values ?? 0),
    resultsBytes: Number(row?.results ?? 0),
  };
}

/** Bytes under a folder (the PGlite data folder after close). */
export async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) total += await folderBytes(path);
    else if (entry.isFile()) total += (await stat(path)).size;
  }
  return total;
}

/** Peak resident memory of this process so far (the kernel's maxrss), in bytes. */
export function peakRssBytes(): number {
  return process.resourceUsage().maxRSS * 1024;
}
