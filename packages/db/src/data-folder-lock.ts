import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * Takes the embedded database folder for this process. PGlite has no server: a second process
 * opening the same folder would corrupt it, so it is refused with a message saying who holds it.
 * A lock left by a process that no longer runs is taken over.
 */
export function lockDataFolder(folder: string): () => void {
  const file = join(folder, "ntm.lock");
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(readFileSync(file, "utf8"));
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new Error(
          `Cơ sở dữ liệu nhúng ${folder} đang được tiến trình ${holder} sử dụng (máy chủ NTM Monitor đang chạy?). Hãy dừng tiến trình đó trước, hoặc dùng PostgreSQL qua DATABASE_URL.`,
          { cause: error },
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`Không khóa được thư mục dữ liệu ${folder}.`);
}
