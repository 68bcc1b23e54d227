import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PGlite } from "@electric-sql/pglite";

/**
 * An empty PGlite cluster kept on disk, copied into a new data folder instead of running initdb:
 * PGlite's initdb starts its WebAssembly PostgreSQL twice and writes the cluster file by file,
 * about 4 s of CPU, where copying the same 39 MB of files takes a tenth of that. The install makes
 * it (`npm install`'s postinstall); a folder it cannot use is opened by initdb as before.
 */

/** The file naming the PGlite version that made the template, written last. */
const stampFile = "ntm-template.json";
const versionFile = "PG_VERSION";

const pgliteFolder = dirname(
  dirname(createRequire(import.meta.url).resolve("@electric-sql/pglite")),
);

/** The installed PGlite's version: a template made by another version is not used. */
export const pgliteVersion = (
  JSON.parse(readFileSync(join(pgliteFolder, "package.json"), "utf8")) as { version: string }
).version;

/** Where the install keeps the template: node_modules/.cache, beside the PGlite it belongs to. */
export const defaultTemplateFolder = join(
  dirname(dirname(pgliteFolder)),
  ".cache",
  "ntm-monitor",
  `pglite-${pgliteVersion}-empty-cluster`,
);

/** Whether `folder` holds a complete template made by the installed PGlite. */
export function isUsableTemplate(folder: string): boolean {
  try {
    const stamp = JSON.parse(readFileSync(join(folder, stampFile), "utf8")) as { pglite?: string };
    return stamp.pglite === pgliteVersion && existsSync(join(folder, versionFile));
  } catch {
    return false;
  }
}

/**
 * Copies the template into a data folder that holds no cluster yet; false (nothing copied) when
 * the template is absent or stale. PG_VERSION, by which PGlite knows a cluster, is copied last, so
 * a copy cut short is copied again at the next open.
 */
export function copyTemplateInto(template: string, dataDir: string): boolean {
  if (existsSync(join(dataDir, versionFile)) || !isUsableTemplate(template)) return false;
  const skipped = new Set([join(template, stampFile), join(template, versionFile)]);
  cpSync(template, dataDir, { recursive: true, filter: (source) => !skipped.has(source) });
  cpSync(join(template, versionFile), join(dataDir, versionFile));
  return true;
}

/**
 * Makes the template by one initdb in a folder beside it, renamed into place when complete; an
 * existing usable template is kept.
 */
export async function makeTemplate(folder = defaultTemplateFolder): Promise<boolean> {
  if (isUsableTemplate(folder)) return false;
  const building = `${folder}.${process.pid}.tmp`;
  rmSync(building, { recursive: true, force: true });
  mkdirSync(dirname(folder), { recursive: true });
  try {
    const client = await PGlite.create(building);
    await client.query("select 1");
    await client.close();
    writeFileSync(join(building, stampFile), `${JSON.stringify({ pglite: pgliteVersion })}\n`);
    rmSync(folder, { recursive: true, force: true });
    renameSync(building, folder);
    return true;
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}
