/**
 * The scorecard's answer on the demo, before and after its split from the set version: bytes of
 * JSON and gzip, and the time to build and serialise it, in one process on the embedded database
 * seeded with the demo (`ntm seed --demo`). "Before" is the full result the answer used to carry
 * (the same content as the answer joined with its set); both are built from the same read, one
 * after the other for each commune, so they meet the same load.
 * `node --import tsx bench/measure-scorecard-answer.ts [--rounds 5]`; see docs/benchmarks-reads.md.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { createDatabase, queryRows } from "@ntm/db";
import { joinScorecard, type ScorecardResponse } from "@ntm/contracts";
import type { CriteriaSet } from "@ntm/domain";
import { sql } from "drizzle-orm";
import { systemUser } from "../apps/api/src/features/auth/index.ts";
import { readScorecard } from "../apps/api/src/features/assessments/assessments.service.ts";
import { seedDemo } from "../apps/cli/src/commands/seed-demo.ts";
import { machineInfo } from "./machine-info.ts";
import { median, percentile } from "./percentiles.ts";

const rounds = Number(process.argv[process.argv.indexOf("--rounds") + 1]) || 5;
const folder = mkdtempSync(join(tmpdir(), "ntm-scorecard-answer-"));
const database = await createDatabase({ dataDir: folder });

try {
  await seedDemo(database, { ifEmpty: true, log: () => undefined });
  const communes = await queryRows<{ code: string; year: number }>(
    database.db,
    sql`select unit_code as code, year from evaluation_results order by unit_code, year`,
  );
  const sets = new Map<number, CriteriaSet>();
  for (const row of await queryRows<{ id: number; definition: CriteriaSet }>(
    database.db,
    sql`select id, definition from criteria_sets`,
  )) {
    sets.set(row.id, row.definition);
  }
  const bytes = { before: [] as number[], after: [] as number[] };
  const gzipped = { before: [] as number[], after: [] as number[] };
  const times = { read: [] as number[], before: [] as number[], after: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    for (const { code, year } of communes) {
      let start = performance.now();
      const read = await readScorecard(database.db, {
        user: systemUser,
        code,
        year,
        language: "vi",
      });
      const answer: ScorecardResponse = read.scorecard();
      times.read.push(performance.now() - start);
      start = performance.now();
      const after = JSON.stringify(answer);
      const afterGzip = gzipSync(after);
      times.after.push(performance.now() - start);
      const full = joinScorecard(answer, sets.get(answer.set.id) as CriteriaSet);
      start = performance.now();
      const before = JSON.stringify(full);
      const beforeGzip = gzipSync(before);
      times.before.push(performance.now() - start);
      if (round === 0) {
        bytes.after.push(Buffer.byteLength(after));
        bytes.before.push(Buffer.byteLength(before));
        gzipped.after.push(afterGzip.length);
        gzipped.before.push(beforeGzip.length);
      }
    }
  }
  const kb = (value: number) => `${(value / 1024).toFixed(1)} KB`;
  const ms = (value: number) => `${value.toFixed(2)} ms`;
  const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
  const machine = machineInfo();
  console.log(
    `${machine.cpuModel}, ${machine.cores} cores, load ${machine.loadAverage.map((n) => n.toFixed(1)).join(" ")}`,
  );
  console.log(`${communes.length} commune-years of the demo, ${rounds} rounds`);
  console.log("| | before (full result) | after (split answer) |");
  console.log("|---|---|---|");
  for (const [label, values] of [
    ["JSON, median", (list: number[]) => median(list)],
    ["JSON, largest", (list: number[]) => Math.max(...list)],
  ] as const) {
    console.log(`| ${label} | ${kb(values(bytes.before))} | ${kb(values(bytes.after))} |`);
  }
  console.log(`| gzip, median | ${kb(median(gzipped.before))} | ${kb(median(gzipped.after))} |`);
  console.log(
    `| stringify + gzip, median / p95 | ${ms(median(times.before))} / ${ms(percentile(sorted(times.before), 95))} | ${ms(median(times.after))} / ${ms(percentile(sorted(times.after), 95))} |`,
  );
  console.log(
    `| read and build (common to both), median / p95 | ${ms(median(times.read))} / ${ms(percentile(sorted(times.read), 95))} | |`,
  );
} finally {
  await database.close();
  rmSync(folder, { recursive: true, force: true });
}
