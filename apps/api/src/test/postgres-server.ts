import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export interface TestPostgres {
  /** A database of its own, for the servers a test starts. */
  url: string;
  close: () => Promise<void>;
}

/** A free TCP port of this machine. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function postgresBinaries(): string | undefined {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, "bin", "initdb")))
    .sort((a, b) => Number(a) - Number(b));
  const newest = versions.at(-1);
  return newest ? join(root, newest, "bin") : undefined;
}

/** PostgreSQL refuses to run as root: as root, the commands run as the `postgres` account. */
function runAsServerAccount(command: string, args: string[], directory: string) {
  if (process.getuid?.() !== 0) {
    execFileSync(command, args, { stdio: "pipe" });
    return;
  }
  const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
  chownSync(directory, uid, gid);
  const quoted = [command, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(" ");
  execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", quoted], { stdio: "pipe" });
}

/**
 * A PostgreSQL database for a test that starts servers of its own: a new database on the server
 * of DATABASE_URL, as the other PostgreSQL tests use, or else a private server started from the
 * PostgreSQL binaries of this machine. The reason when neither is possible.
 */
export async function startPostgres(): Promise<TestPostgres | { unavailable: string }> {
  const serverUrl = process.env.DATABASE_URL;
  if (serverUrl) {
    const name = `ntm_scale_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      close: async () => {
        const cleanup = new pg.Client({ connectionString: serverUrl });
        await cleanup.connect();
        await cleanup.query(`drop database if exists ${name} with (force)`);
        await cleanup.end();
      },
    };
  }
  const bin = postgresBinaries();
  const installable = "cài gói postgresql, hoặc đặt DATABASE_URL";
  if (!bin) {
    return { unavailable: `Không có PostgreSQL trên máy (${installable}).` };
  }
  if (process.getuid?.() === 0) {
    try {
      execFileSync("id", ["-u", "postgres"], { stdio: "pipe" });
    } catch {
      return { unavailable: `Chạy bằng root mà không có tài khoản postgres (${installable}).` };
    }
  }
  const directory = mkdtempSync(join(tmpdir(), "ntm-scale-pg-"));
  const data = join(directory, "data");
  const port = await freePort();
  runAsServerAccount(
    join(bin, "initdb"),
    ["-D", data, "-U", "app", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8"],
    directory,
  );
  runAsServerAccount(
    join(bin, "pg_ctl"),
    [
      "-D",
      data,
      "-l",
      join(directory, "server.log"),
      "-w",
      "-t",
      "60",
      "-o",
      `-p ${port} -k ${directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off`,
      "start",
    ],
    directory,
  );
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    close: async () => {
      runAsServerAccount(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "stop"], directory);
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
