import { readdir, readFile, stat, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { Plugin } from "vite";

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

const compressible = /\.(js|mjs|css|html|svg|json|webmanifest|txt)$/;
/** Below this a compressed copy saves less than the round trip's headers. */
const minBytes = 512;

async function* filesUnder(folder: string): AsyncGenerator<string> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* filesUnder(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * The Brotli quality of the build: `NTM_WEB_BROTLI_QUALITY` (1–11), the highest by default.
 * `npm start` asks for a fast one: on this build's files quality 11 costs about 4 s of CPU and
 * quality 5 under 0.1 s, for copies 9 % larger (docs/benchmarks.md, "Start").
 */
export function brotliQualityFrom(env: Record<string, string | undefined>): number {
  const text = env.NTM_WEB_BROTLI_QUALITY;
  if (text === undefined || text === "") return constants.BROTLI_MAX_QUALITY;
  const quality = Number(text);
  if (!Number.isInteger(quality) || quality < 1 || quality > constants.BROTLI_MAX_QUALITY) {
    throw new Error(
      `NTM_WEB_BROTLI_QUALITY phải là số nguyên từ 1 đến ${constants.BROTLI_MAX_QUALITY} (đang là "${text}").`,
    );
  }
  return quality;
}

/** Writes a Brotli (`.br`) and a gzip (`.gz`) copy beside every text file under `folder`. */
export async function precompressFolder(folder: string, brotliQuality: number): Promise<void> {
  for await (const path of filesUnder(folder)) {
    if (!compressible.test(path) || (await stat(path)).size < minBytes) continue;
    const content = await readFile(path);
    const [br, gz] = await Promise.all([
      brotli(content, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: brotliQuality,
          [constants.BROTLI_PARAM_SIZE_HINT]: content.length,
        },
      }),
      gzipAsync(content, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
  }
}

/**
 * Compresses the build's text files once (`precompressFolder`), so the server sends the copies
 * as they are instead of compressing on each request. Runs after the other plugins have written
 * their files (the service worker among them).
 */
export function precompress(brotliQuality: number): Plugin {
  let outDir = "";
  return {
    name: "ntm-precompress",
    apply: "build",
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: "post",
      sequential: true,
      handler: () => precompressFolder(outDir, brotliQuality),
    },
  };
}
