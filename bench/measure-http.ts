import { fork } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { buildServer } from "@ntm/api";
import type { Database } from "@ntm/db";
import type { BenchDataset } from "./bench-dataset.ts";
import type { LoadMessage, LoadPhase, LoadRequest, LoadTarget } from "./http-load-protocol.ts";
import { countStatements } from "../apps/api/src/test/count-statements.ts";
import { databaseCpuReader } from "./database-cpu.ts";
import { BENCH_PASSWORD } from "./load-data.ts";
import { summariseLatencies, type LatencySummary } from "./percentiles.ts";

export interface EndpointFigures {
  target: string;
  latency: LatencySummary;
  errors: number;
  firstError: string | undefined;
  requestsPerSecond: number;
  meanBytes: number;
}

export interface PhaseFigures {
  name: string;
  concurrency: number;
  seconds: number;
  endpoints: EndpointFigures[];
  /** Server process event-loop delay during the phase (monitorEventLoopDelay). */
  eventLoop: { p99Ms: number; maxMs: number };
  /**
   * CPU seconds of the server's process during the phase (on PGlite the database's work too) and
   * of the PostgreSQL server's processes (null on PGlite); the 1-minute load average at its start.
   */
  cpu: { serverSeconds: number; databaseSeconds: number | null; loadAverage: number };
}

export interface HttpFigures {
  concurrency: number;
  year: number;
  phases: PhaseFigures[];
  /** One request of each kind before the load: response size and what it covered. */
  probes: { target: string; ms: number; bytes: number; detail: string }[];
  /** SQL statements of one warm request of each kind (with the session's two), and of one save. */
  statements: { target: string; statements: number; ownStatements: number }[];
  /** The same scorecard asked again with its ETag: status and body bytes. */
  revalidation: { status: number; bytes: number };
}

const clientScript = fileURLToPath(new URL("./http-load-client.ts", import.meta.url));

async function login(baseUrl: string, username: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: BENCH_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${await response.text()}`);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0] ?? "")
    .find((pair) => pair.startsWith("ntm_session="));
  if (!cookie) throw new Error(`login ${username}: no session cookie`);
  return cookie;
}

async function probe(baseUrl: string, target: LoadTarget) {
  const start = performance.now();
  const response = await fetch(`${baseUrl}${target.paths[0] ?? "/"}`, {
    headers: { cookie: target.cookie },
  });
  const text = await response.text();
  const ms = performance.now() - start;
  if (response.status !== 200) {
    throw new Error(`${target.name}: HTTP ${response.status} ${text.slice(0, 300)}`);
  }
  const body = JSON.parse(text) as {
    units?: unknown[];
    criteriaTotal?: number;
    heatmap?: unknown[];
  };
  const detail = body.units
    ? `${body.units.length} communes with stored results`
    : body.heatmap
      ? `${body.heatmap.length} communes on the heat map`
      : `${body.criteriaTotal ?? 0} criteria`;
  return { target: target.name, ms, bytes: Buffer.byteLength(text), detail };
}

/** The session's lookup, which every signed-in request runs before its work. */
const sessionLookup = /from "(sessions|users|departments|department_criteria)"/;

async function countedRequest(
  database: Database,
  target: string,
  run: () => Promise<Response>,
): Promise<{ target: string; statements: number; ownStatements: number }> {
  const counter = countStatements(database.db);
  try {
    const response = await run();
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${target}: HTTP ${response.status} ${text}`);
    return {
      target,
      statements: counter.statements.length,
      ownStatements: counter.statements.filter((sql) => !sessionLookup.test(sql)).length,
    };
  } finally {
    counter.stop();
  }
}

/**
 * Statements per request (each kind read a third time, once its answer is kept: ADR 0029) and per
 * value save, and the answer to a scorecard asked again with its ETag. The save changes one note
 * and a second save clears it again.
 */
async function measureStatements(
  database: Database,
  baseUrl: string,
  targets: LoadTarget[],
  scorecard: LoadTarget,
) {
  const statements = [];
  for (const target of targets) {
    const url = `${baseUrl}${target.paths[0] ?? "/"}`;
    const headers = { cookie: target.cookie };
    for (let read = 0; read < 2; read++) await (await fetch(url, { headers })).arrayBuffer();
    statements.push(await countedRequest(database, target.name, () => fetch(url, { headers })));
  }
  const url = `${baseUrl}${scorecard.paths[0] ?? "/"}`;
  const first = await fetch(url, { headers: { cookie: scorecard.cookie } });
  const body = (await first.json()) as {
    unitCode: string;
    year: number;
    assessment: { version: number };
    values: Record<string, number | boolean>;
  };
  const again = await fetch(url, {
    headers: { cookie: scorecard.cookie, "if-none-match": first.headers.get("etag") ?? "" },
  });
  const revalidation = { status: again.status, bytes: (await again.arrayBuffer()).byteLength };
  const [code, value] = Object.entries(body.values)[0] ?? [];
  const indicator = code === undefined ? undefined : { code, value };
  if (indicator) {
    const save = (version: number, note: string | null) =>
      fetch(`${baseUrl}/api/units/${body.unitCode}/assessments/${body.year}/values`, {
        method: "PUT",
        headers: { cookie: scorecard.cookie, "content-type": "application/json" },
        body: JSON.stringify({
          version,
          values: [{ indicatorCode: indicator.code, value: indicator.value, note }],
        }),
      });
    const version = body.assessment.version;
    statements.push(
      await countedRequest(database, "value save (1 note)", () => save(version, "bench")),
    );
    await (await save(version + 1, null)).text();
  }
  return { statements, revalidation };
}

/** Where the CPU profile of each recorded phase goes when `BENCH_HTTP_PROFILE` names a folder. */
const profileFolder = process.env.BENCH_HTTP_PROFILE || undefined;

async function startProfile(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 500 });
  await session.post("Profiler.start");
  return session;
}

async function stopProfile(session: Session, name: string, log: (line: string) => void) {
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  const file = join(
    profileFolder as string,
    `${name.replace(/[^A-Za-z0-9]+/g, "-").replace(/^-|-$/g, "")}.cpuprofile`,
  );
  writeFileSync(file, JSON.stringify(profile));
  log(`    CPU profile: ${file}`);
}

/**
 * Forks the load client, runs the phases and collects what it reports, with the server's CPU
 * time per phase (this process) and the database server's (`databaseCpuMs`, PostgreSQL only).
 */
function runLoad(
  request: LoadRequest,
  databaseCpuMs: (() => number) | undefined,
  log: (line: string) => void,
): Promise<PhaseFigures[]> {
  return new Promise((resolve, reject) => {
    const child = fork(clientScript, [], { execArgv: ["--import", "tsx"], stdio: "inherit" });
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    const phases: PhaseFigures[] = [];
    let started = { cpu: process.cpuUsage(), databaseMs: 0, load: 0 };
    let profile: Promise<Session> | undefined;
    child.on("message", (raw) => {
      const message = raw as LoadMessage;
      if (message.type === "phase-start") {
        histogram.reset();
        histogram.enable();
        started = {
          cpu: process.cpuUsage(),
          databaseMs: databaseCpuMs?.() ?? 0,
          load: os.loadavg()[0] ?? 0,
        };
        const recorded = request.phases.find((phase) => phase.name === message.name)?.record;
        if (profileFolder && recorded) profile = startProfile();
        log(`    phase ${message.name} …`);
        return;
      }
      if (message.type === "phase-end") {
        histogram.disable();
        const cpu = process.cpuUsage(started.cpu);
        const databaseMs = databaseCpuMs ? databaseCpuMs() - started.databaseMs : null;
        if (profile) {
          const session = profile;
          profile = undefined;
          void session.then((open) => stopProfile(open, message.name, log));
        }
        const phase = request.phases.find((candidate) => candidate.name === message.name);
        if (!message.record || !phase) return;
        const seconds = message.elapsedMs / 1000;
        phases.push({
          name: message.name,
          concurrency: phase.concurrency ?? request.concurrency,
          seconds,
          eventLoop: {
            p99Ms: histogram.percentile(99) / 1e6,
            maxMs: histogram.max / 1e6,
          },
          cpu: {
            serverSeconds: (cpu.user + cpu.system) / 1e6,
            databaseSeconds: databaseMs === null ? null : databaseMs / 1000,
            loadAverage: started.load,
          },
          endpoints: Object.entries(message.byTarget).map(([target, outcome]) => ({
            target,
            latency: summariseLatencies(outcome.latencies),
            errors: outcome.errors,
            firstError: outcome.firstError,
            requestsPerSecond: outcome.latencies.length / seconds,
            meanBytes: outcome.latencies.length > 0 ? outcome.bytes / outcome.latencies.length : 0,
          })),
        });
      }
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code === 0) resolve(phases);
      else reject(new Error(`load client exited with code ${code}`));
    });
    child.send(request);
  });
}

/**
 * Starts the real server on 127.0.0.1 and a free port, signs in as the province admins and
 * measures scorecards of random communes, the admin province's summary and the summary of the
 * province with most communes: each alone with one client, each alone with `concurrency`
 * clients, then all three mixed.
 */
export async function measureHttp(
  database: Database,
  dataset: BenchDataset,
  options: {
    concurrency: number;
    seconds: number;
    /** Seconds of each one-client phase; 0 skips them. */
    singleSeconds: number;
    warmupSeconds: number;
    year: number;
    dataDir: string;
    admin: string;
    largeAdmin: string;
    log: (line: string) => void;
  },
): Promise<HttpFigures> {
  mkdirSync(options.dataDir, { recursive: true });
  // Logging on, as the served product logs (a line per request at "info"), into a sink.
  const app = await buildServer({
    database,
    dataDir: options.dataDir,
    logStream: { write: () => undefined },
  });
  const databaseCpuMs = await databaseCpuReader(database);
  try {
    await app.listen({ host: "127.0.0.1", port: 0 });
    const { port } = app.server.address() as AddressInfo;
    const baseUrl = `http://127.0.0.1:${port}`;
    const adminCookie = await login(baseUrl, options.admin);
    const largeCookie =
      options.largeAdmin === options.admin ? adminCookie : await login(baseUrl, options.largeAdmin);
    const year = options.year;
    const scorecard: LoadTarget = {
      name: `scorecard (random xã of ${dataset.adminProvince.code})`,
      cookie: adminCookie,
      paths: dataset.scorecardCommunes.map((code) => `/api/units/${code}/scorecard?year=${year}`),
      weight: 8,
    };
    const summary: LoadTarget = {
      name: `summary ${dataset.adminProvince.code} (${dataset.adminProvince.ruralCommunes} xã)`,
      cookie: adminCookie,
      paths: [`/api/units/${dataset.adminProvince.code}/summary?year=${year}`],
      weight: 1,
    };
    const large: LoadTarget = {
      name: `summary ${dataset.largeProvince.code} (${dataset.largeProvince.ruralCommunes} xã)`,
      cookie: largeCookie,
      paths: [`/api/units/${dataset.largeProvince.code}/summary?year=${year}`],
      weight: 1,
    };
    const dashboard: LoadTarget = {
      name: `dashboard ${dataset.largeProvince.code} (${dataset.largeProvince.ruralCommunes} xã)`,
      cookie: largeCookie,
      paths: [`/api/units/${dataset.largeProvince.code}/dashboard?year=${year}`],
      weight: 1,
    };
    if (scorecard.paths.length === 0)
      throw new Error("No commune of the admin province has values.");
    const probes = [];
    for (const target of [scorecard, summary, large, dashboard])
      probes.push(await probe(baseUrl, target));
    const { statements, revalidation } = await measureStatements(
      database,
      baseUrl,
      [scorecard, summary, large, dashboard],
      scorecard,
    );
    options.log(
      `    SQL statements per request, a kept answer (with the session's / the request's own): ${statements
        .map((item) => `${item.target} ${item.statements} / ${item.ownStatements}`)
        .join(
          "; ",
        )}; the scorecard again with its ETag: HTTP ${revalidation.status}, ${revalidation.bytes} bytes`,
    );

    const single = options.singleSeconds;
    const phases: LoadPhase[] = [
      {
        name: "warm-up",
        seconds: options.warmupSeconds,
        record: false,
        targets: [scorecard, summary, large],
      },
      ...[scorecard, summary, large, dashboard].map((target) => ({
        name: `1 client: ${target.name}`,
        seconds: single,
        concurrency: 1,
        record: true,
        targets: [target],
      })),
      ...[scorecard, summary, large, dashboard].map((target) => ({
        name: `${options.concurrency} clients: ${target.name}`,
        seconds: options.seconds,
        record: true,
        targets: [target],
      })),
      {
        name: `${options.concurrency} clients: mixed 8:1:1`,
        seconds: options.seconds,
        record: true,
        targets: [scorecard, summary, large],
      },
    ].filter((phase) => phase.seconds > 0);
    const results = await runLoad(
      { type: "run", baseUrl, concurrency: options.concurrency, phases },
      databaseCpuMs,
      options.log,
    );
    return {
      concurrency: options.concurrency,
      year,
      phases: results,
      probes,
      statements,
      revalidation,
    };
  } finally {
    await app.close();
  }
}
