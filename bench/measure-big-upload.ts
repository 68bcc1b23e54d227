/**
 * An oversized upload through the real server: a workbook with the template's header (wide) or
 * the long format's, whose first column is filled down for 1.5 million rows (about 7.3 MB),
 * posted to `POST /api/import/values` by a district officer, alone and four at a time, while a
 * probe asks `GET /api/health` every 100 ms. Reports the answer, its time, the memory peaks, the
 * largest event-loop gap and the longest stretch without a health answer.
 * `node --import tsx bench/measure-big-upload.ts`; see docs/benchmarks.md.
 */
import type { AddressInfo } from "node:net";
import { bigWorkbook } from "../apps/api/src/test/big-workbook.ts";
import { createTestApp, testPassword } from "../apps/api/src/test/test-app.ts";
import { watchEventLoop } from "./event-loop-watch.ts";
import { fmtInt, fmtMiB, fmtMs, fmtSeconds, table } from "./format.ts";
import { withMemoryPeak } from "./memory-peak.ts";

const rows = Number(process.env.BENCH_UPLOAD_ROWS ?? 1_500_000);
const formats = (process.env.BENCH_UPLOAD_FORMATS ?? "wide,long").split(",") as ("wide" | "long")[];
const parallels = (process.env.BENCH_UPLOAD_PARALLEL ?? "1,4").split(",").map(Number);
const boundary = "----ntm-bench-upload";

function multipart(name: string, content: Buffer) {
  return Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        "Content-Type: application/octet-stream\r\n\r\n",
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
}

/**
 * Asks for /api/health every `everyMs` until stopped (a probe waits for the previous one) and
 * returns how many answered and the longest stretch of the phase without an answer.
 */
function probeHealth(baseUrl: string, everyMs = 100) {
  const started = performance.now();
  let lastAnswer = started;
  let longestWait = 0;
  let answers = 0;
  let failures = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      try {
        const response = await fetch(`${baseUrl}/api/health`);
        await response.text();
        if (response.status === 200) {
          answers += 1;
          longestWait = Math.max(longestWait, performance.now() - lastAnswer);
          lastAnswer = performance.now();
        } else failures += 1;
      } catch {
        failures += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    running = false;
    const stopped = performance.now();
    await loop;
    return { answers, failures, longestWait: Math.max(longestWait, stopped - lastAnswer) };
  };
}

async function main() {
  const t = await createTestApp();
  await t.app.listen({ host: "127.0.0.1", port: 0 });
  const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "huyen", password: testPassword }),
  });
  const cookie = (login.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";

  const upload = (body: Buffer) => async () => {
    const start = performance.now();
    try {
      const response = await fetch(`${baseUrl}/api/import/values?dryRun=true`, {
        method: "POST",
        headers: { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
        body,
      });
      const text = await response.text();
      return { status: response.status, text, ms: performance.now() - start };
    } catch (error) {
      return { status: 0, text: String(error), ms: performance.now() - start };
    }
  };

  const lines: string[][] = [];
  for (const format of formats) {
    const made = performance.now();
    const file = bigWorkbook(rows, format);
    const body = multipart(`do-xuong-${format}.xlsx`, file);
    console.log(
      `${format}: ${fmtInt(rows)} rows, ${(file.length / 1_000_000).toFixed(1)} MB, made in ${fmtSeconds(performance.now() - made)}`,
    );
    for (const parallel of parallels) {
      const stopProbe = probeHealth(baseUrl);
      const loop = watchEventLoop();
      const { result, ms, memory } = await withMemoryPeak(() =>
        Promise.all(Array.from({ length: parallel }, upload(body))),
      );
      const gap = loop.stop();
      const health = await stopProbe();
      const statuses = [...new Set(result.map((answer) => answer.status))].join(", ");
      const answer = (result[0]?.text ?? "").slice(0, 160).replace(/\|/g, "/");
      lines.push([
        format,
        String(parallel),
        statuses,
        fmtSeconds(ms),
        `${fmtMiB(memory.baselineRssBytes)} → ${fmtMiB(memory.peakRssBytes)}`,
        `${fmtMiB(memory.baselineHeapBytes)} → ${fmtMiB(memory.peakHeapBytes)}`,
        fmtMiB(memory.processMaxRssBytes),
        fmtMs(gap),
        `${health.answers} (${health.failures} failed)`,
        fmtMs(health.longestWait),
        answer,
      ]);
    }
  }
  console.log(
    table(
      [
        "header",
        "uploads at once",
        "status",
        "time",
        "RSS before → peak",
        "heap before → peak",
        "maxrss",
        "largest event-loop gap",
        "health answers",
        "longest without health",
        "answer",
      ],
      lines,
    ),
  );
  await t.close();
}

await main();
