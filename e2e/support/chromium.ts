import { execFile } from "node:child_process";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { createBrotliDecompress } from "node:zlib";

const run = promisify(execFile);

export const systemChromium = "/usr/bin/chromium";

export interface ChromiumChoice {
  executablePath: string;
  /** Environment for the browser process (the packaged Chromium brings its own NSS libraries). */
  env: Record<string, string>;
  source: "CHROMIUM_PATH" | "@sparticuz/chromium" | "system";
}

export interface ChromiumOptions {
  chromiumPath?: string | undefined;
  /** The folder of `@sparticuz/chromium` holding its Brotli-compressed Chromium. */
  packagedBinDir?: string;
  systemPath?: string;
  /** Where the packaged Chromium is decompressed, once per version. */
  cacheRoot?: string;
}

/** The `@sparticuz/chromium` package: where its compressed browser is, and its version. */
export function packagedChromium(): { binDir: string; version: string } {
  const entry = createRequire(import.meta.url).resolve("@sparticuz/chromium");
  const root = join(dirname(entry), "..", "..");
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    version: string;
  };
  return { binDir: join(root, "bin"), version: manifest.version };
}

/** The Chromium version the installed playwright-core speaks to, e.g. "143.0.7499.4". */
export function playwrightChromiumVersion(): string {
  const entry = createRequire(import.meta.url).resolve("playwright-core");
  const manifest = JSON.parse(readFileSync(join(dirname(entry), "browsers.json"), "utf8")) as {
    browsers: { name: string; browserVersion: string }[];
  };
  const chromium = manifest.browsers.find((browser) => browser.name === "chromium");
  if (!chromium) throw new Error("playwright-core names no Chromium version");
  return chromium.browserVersion;
}

async function extractTarBrotli(archive: string, into: string) {
  const tarFile = join(into, "archive.tar");
  await pipeline(createReadStream(archive), createBrotliDecompress(), createWriteStream(tarFile));
  await run("tar", ["-x", "-f", tarFile, "-C", into]);
  rmSync(tarFile);
}

/**
 * Decompresses the package's Chromium, its software GL and its NSS libraries into a folder of
 * its own (the package's own helper writes to /tmp/chromium and reuses whatever version is
 * there). A half-written folder never becomes visible: it is renamed into place when complete.
 */
async function inflatePackaged(binDir: string, target: string): Promise<void> {
  if (existsSync(join(target, "chromium"))) return;
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    await pipeline(
      createReadStream(join(binDir, "chromium.br")),
      createBrotliDecompress(),
      createWriteStream(join(partial, "chromium"), { mode: 0o755 }),
    );
    await extractTarBrotli(join(binDir, "swiftshader.tar.br"), partial);
    await extractTarBrotli(join(binDir, "al2023.tar.br"), partial);
    await extractTarBrotli(join(binDir, "fonts.tar.br"), partial);
    writeFileSync(
      join(partial, "fonts.conf"),
      `<?xml version="1.0"?>\n<fontconfig><dir>${join(target, "fonts")}</dir></fontconfig>\n`,
    );
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    if (existsSync(join(target, "chromium"))) return;
    throw error;
  }
}

function packagedEnv(folder: string): Record<string, string> {
  const libraries = [join(folder, "lib"), process.env.LD_LIBRARY_PATH].filter(Boolean).join(":");
  const env: Record<string, string> = { LD_LIBRARY_PATH: libraries };
  // Without the system's fontconfig the page would render no text; the package ships Open Sans.
  if (!existsSync("/etc/fonts/fonts.conf")) env.FONTCONFIG_FILE = join(folder, "fonts.conf");
  return env;
}

function firstLine(error: unknown): string {
  const text =
    error && typeof error === "object" && "stderr" in error && String(error.stderr).trim()
      ? String(error.stderr)
      : error instanceof Error
        ? error.message
        : String(error);
  return text.trim().split("\n")[0] ?? "";
}

async function runs(executablePath: string, env: Record<string, string>): Promise<string | null> {
  try {
    await run(executablePath, ["--version"], { env: { ...process.env, ...env }, timeout: 30_000 });
    return null;
  } catch (error) {
    return firstLine(error);
  }
}

/**
 * Picks the Chromium the browser tests drive: `CHROMIUM_PATH` when set; otherwise the Chromium
 * shipped inside the `@sparticuz/chromium` package (the version playwright-core is pinned to),
 * decompressed once; otherwise Debian's. Throws one line saying what to install when none runs.
 */
export async function resolveChromium(options: ChromiumOptions = {}): Promise<ChromiumChoice> {
  const chromiumPath = "chromiumPath" in options ? options.chromiumPath : process.env.CHROMIUM_PATH;
  if (chromiumPath) {
    const problem = existsSync(chromiumPath) ? await runs(chromiumPath, {}) : "no such file";
    if (problem === null) return { executablePath: chromiumPath, env: {}, source: "CHROMIUM_PATH" };
    throw new Error(
      `CHROMIUM_PATH=${chromiumPath} cannot run (${problem}): point it at a Chromium binary, or unset it to use the packaged Chromium.`,
    );
  }

  let packagedProblem: string;
  try {
    const packaged = packagedChromium();
    const binDir = options.packagedBinDir ?? packaged.binDir;
    const folder = join(options.cacheRoot ?? tmpdir(), `ntm-chromium-${packaged.version}`);
    await inflatePackaged(binDir, folder);
    const env = packagedEnv(folder);
    const executablePath = join(folder, "chromium");
    const problem = await runs(executablePath, env);
    if (problem === null) return { executablePath, env, source: "@sparticuz/chromium" };
    packagedProblem = problem;
  } catch (error) {
    packagedProblem = firstLine(error);
  }

  const systemPath = options.systemPath ?? systemChromium;
  if (existsSync(systemPath) && (await runs(systemPath, {})) === null) {
    return { executablePath: systemPath, env: {}, source: "system" };
  }
  throw new Error(
    `No Chromium can run the browser tests: the packaged one failed (${packagedProblem}) and ${systemPath} is missing; install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH.`,
  );
}
