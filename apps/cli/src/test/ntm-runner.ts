import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const run = promisify(execFile);
const bin = fileURLToPath(new URL("../../bin/ntm.mjs", import.meta.url));

export interface NtmResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the real `ntm` command in child processes on one embedded database in a temporary
 * folder, as an official's machine would.
 */
export function createNtmRunner(prefix: string) {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  const baseEnv = { ...process.env, NTM_DATA_DIR: join(folder, "data"), DATABASE_URL: "" };
  const ntmWith = async (env: Record<string, string>, ...args: string[]): Promise<NtmResult> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [bin, ...args], {
        env: { ...baseEnv, ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failure = error as NtmResult;
      return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
    }
  };
  return {
    folder,
    ntm: (...args: string[]) => ntmWith({}, ...args),
    ntmWith,
    cleanup: () => rmSync(folder, { recursive: true, force: true }),
  };
}
