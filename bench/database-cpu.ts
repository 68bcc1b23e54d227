import { readFileSync, readdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import { queryRows, type Database } from "@ntm/db";

/** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

/** Parent pid and CPU time (user + system, with reaped children's) of a process, from /proc. */
function procStat(pid: number): { ppid: number; ms: number; childrenMs: number } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may hold spaces and parentheses: the fields start after its last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    const tick = (index: number) => Number(fields[index] ?? 0);
    return {
      ppid: tick(1),
      ms: ((tick(11) + tick(12)) * 1000) / ticksPerSecond,
      childrenMs: ((tick(13) + tick(14)) * 1000) / ticksPerSecond,
    };
  } catch {
    return undefined;
  }
}

/**
 * Reads the CPU time a PostgreSQL server on this machine has used: its postmaster (with the
 * backends that have ended) and every live backend. Undefined for PGlite, whose work is the
 * process's own CPU time, and for a server on another machine.
 */
export async function databaseCpuReader(database: Database): Promise<(() => number) | undefined> {
  if (database.kind !== "postgres") return undefined;
  const [row] = await queryRows<{ pid: number }>(database.db, sql`select pg_backend_pid() as pid`);
  const backend = row ? procStat(Number(row.pid)) : undefined;
  if (!backend) return undefined;
  const postmaster = backend.ppid;
  return () => {
    const root = procStat(postmaster);
    let ms = root ? root.ms + root.childrenMs : 0;
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      const stat = procStat(Number(entry));
      if (stat?.ppid === postmaster) ms += stat.ms;
    }
    return ms;
  };
}
