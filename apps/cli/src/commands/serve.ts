import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { databaseOptions, loadConfig, startServer, useHolidaysFile } from "@ntm/api";
import { createDatabase, type Database } from "@ntm/db";
import { seedDemo } from "./seed-demo.ts";

const webBuildScript = fileURLToPath(
  new URL("../../../../scripts/build-web-if-changed.mjs", import.meta.url),
);

/** The web app's build check (and its build, when its sources changed) in a process of its own. */
function buildWeb(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [webBuildScript], { stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`Không dựng được ứng dụng web (mã thoát ${code ?? "không rõ"}).`)),
    );
  });
}

/**
 * `ntm serve [--demo-if-empty] [--build-web]`: the server of `apps/api/src/main.ts`, after loading
 * the demo into an empty database when asked, on the same open database: `npm start` runs one
 * process, which opens and migrates the database once. With `--build-web` the web app is built
 * (when its sources changed) while the database is opened and the demo loaded; the server
 * listens only once the build is whole, so it never serves a page half written.
 */
export async function serveCommand(options: { demoIfEmpty: boolean; buildWeb: boolean }) {
  const config = loadConfig();
  useHolidaysFile(config.holidaysFile);
  const web = options.buildWeb ? buildWeb() : Promise.resolve();
  // Awaited below; a failure meanwhile must not end the process before the database is closed.
  web.catch(() => undefined);
  let database: Database | undefined;
  try {
    database = await createDatabase(databaseOptions(config));
    if (options.demoIfEmpty) await seedDemo(database, { ifEmpty: true });
    await web;
  } catch (error) {
    await database?.close();
    throw error;
  }
  await startServer({ config, database });
}
