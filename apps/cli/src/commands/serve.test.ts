import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { createNtmRunner } from "../test/ntm-runner.ts";

const bin = fileURLToPath(new URL("../../bin/ntm.mjs", import.meta.url));
const { folder, ntm, cleanup } = createNtmRunner("ntm-serve-");

afterAll(cleanup);

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function waitForHealth(url: string, exited: () => boolean) {
  for (;;) {
    if (exited()) throw new Error("ntm serve ended before it answered");
    const answer = await fetch(url).catch(() => undefined);
    if (answer?.ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

describe("ntm serve", () => {
  it("serves on a database with data without loading the demo, and stops cleanly on SIGTERM", async () => {
    const csv = join(folder, "units.csv");
    writeFileSync(
      csv,
      [
        "code,name,level,parentCode,validFrom,validTo,region,communeGroup,flags,successorCode",
        "99,Tỉnh Mẫu,province,,2008-01-01,,TN,,,",
      ].join("\n"),
    );
    expect((await ntm("units", "import", csv)).code).toBe(0);

    const port = await freePort();
    const child = spawn(process.execPath, [bin, "serve", "--demo-if-empty"], {
      env: {
        ...process.env,
        NTM_DATA_DIR: join(folder, "data"),
        DATABASE_URL: "",
        PORT: String(port),
        HOST: "127.0.0.1",
      },
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exit = new Promise<number | null>((resolve) => child.once("exit", resolve));

    await waitForHealth(`http://127.0.0.1:${port}/api/health`, () => child.exitCode !== null);
    const ready = await fetch(`http://127.0.0.1:${port}/api/ready`);
    expect(ready.status).toBe(200);
    expect(output).toMatch(/bỏ qua dữ liệu minh họa/);
    expect(output).toMatch(/NTM Monitor đang chạy tại/);

    child.kill("SIGTERM");
    expect(await exit).toBe(0);
  });
});
