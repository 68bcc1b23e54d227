import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Who holds the folder: a process id, and when that process started (null when unknown). */
interface Holder {
  pid: number;
  /** Start of the process in clock ticks since boot (field 22 of /proc/<pid>/stat). */
  startTicks: string | null;
}

/** Clock ticks per second of /proc (USER_HZ), 100 on every Linux architecture Node runs on. */
const ticksPerSecond = 100;
const hasProc = existsSync("/proc/self/stat");

/** State and start of a running process from /proc, or null when no such process exists. */
function procStat(pid: number): { state: string; startTicks: string } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces and parentheses: fields resume after the last ")".
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", startTicks: fields[19] ?? "" };
  } catch {
    return null;
  }
}

function bootTimeMs(): number | null {
  const line = /^btime (\d+)$/m.exec(readFileSync("/proc/stat", "utf8"));
  return line ? Number(line[1]) * 1000 : null;
}

function readHolder(file: string): Holder | null {
  const text = readFileSync(file, "utf8").trim();
  if (/^\d+$/.test(text)) return { pid: Number(text), startTicks: null };
  try {
    const parsed = JSON.parse(text) as Partial<Holder>;
    return Number.isInteger(parsed.pid)
      ? { pid: parsed.pid!, startTicks: parsed.startTicks ?? null }
      : null;
  } catch {
    return null;
  }
}

/**
 * Whether the holder still runs. A zombie (exited, not yet reaped) does not; nor does another
 * process that got the same id later, told apart by its start time: the one recorded in the
 * lock, or for a lock without it, a start after the lock file was written.
 */
function isAlive(holder: Holder, file: string): boolean {
  if (!hasProc) {
    try {
      process.kill(holder.pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === "EPERM";
    }
  }
  const stat = procStat(holder.pid);
  if (!stat || stat.state === "Z" || stat.state === "X") return false;
  if (holder.startTicks !== null) return stat.startTicks === holder.startTicks;
  const boot = bootTimeMs();
  if (boot === null) return true;
  const startedMs = boot + (Number(stat.startTicks) / ticksPerSecond) * 1000;
  // One second of slack: btime is rounded to the second.
  return startedMs <= statSync(file).mtimeMs + 1000;
}

/**
 * Takes the embedded database folder for this process. PGlite has no server: a second process
 * opening the same folder would corrupt it, so it is refused with a message saying who holds it.
 * A lock left by a process that no longer runs (exited, a zombie, or its id reused since) is
 * taken over.
 */
export function lockDataFolder(folder: string): () => void {
  const file = join(folder, "ntm.lock");
  const own: Holder = {
    pid: process.pid,
    startTicks: hasProc ? (procStat(process.pid)?.startTicks ?? null) : null,
  };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, `${JSON.stringify(own)}\n`, { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(file);
      if (holder && holder.pid !== process.pid && isAlive(holder, file)) {
        throw new Error(
          `Cơ sở dữ liệu nhúng ${folder} đang được tiến trình ${holder.pid} sử dụng (máy chủ NTM Monitor đang chạy?). Hãy dừng tiến trình đó trước, hoặc dùng PostgreSQL qua DATABASE_URL.`,
          { cause: error },
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Không khóa được thư mục dữ liệu ${folder}.`);
}
