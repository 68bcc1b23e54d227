/**
 * First screen of the web app on a slow link: largest contentful paint of the login page, a
 * commune's scorecard, the province overview and the targets dashboard (with its map), cold
 * (empty cache) and on a warm reload, median of a few runs each. The server runs the demo on an
 * embedded database in a temporary folder, as `npm start` does.
 *
 * `npm run bench:web [-- --runs 3] [--desktop] [--dist apps/web/dist] [--only login,scorecard]
 * [--waterfall] [--candidates]`;
 * see docs/benchmarks-web.md.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { CurrentUser } from "@ntm/contracts";
import { launchBrowser } from "../e2e/support/browser.ts";
import { apiGet, apiLogin, startApp } from "../e2e/support/start-app.ts";
import { fmtNum, fmtSeconds, table } from "./format.ts";
import { machineInfo } from "./machine-info.ts";
import { median } from "./percentiles.ts";
import {
  measureCase,
  slowProfile,
  type CaseResult,
  type PageCase,
  type Viewport,
} from "./web-page-timing.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

const { values: args } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    desktop: { type: "boolean", default: false },
    dist: { type: "string" },
    only: { type: "string" },
    waterfall: { type: "boolean", default: false },
    candidates: { type: "boolean", default: false },
  },
});

const runs = Math.max(1, Number(args.runs));
const viewport: Viewport = args.desktop
  ? { width: 1280, height: 800, mobile: false }
  : { width: 390, height: 844, mobile: true };

/** The built web app: the folder given, or a fresh production build in a temporary folder. */
function webBuild(): { dist: string; cleanup: () => void } {
  if (args.dist) return { dist: resolve(args.dist), cleanup: () => undefined };
  const folder = mkdtempSync(join(tmpdir(), "ntm-bench-web-"));
  const dist = join(folder, "dist");
  console.log("Building the web app…");
  execFileSync("npx", ["vite", "build", "--outDir", dist, "--emptyOutDir", "--logLevel", "warn"], {
    cwd: join(root, "apps/web"),
    stdio: "inherit",
  });
  return { dist, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

interface CaseDefinition {
  name: string;
  /** Who is signed in (none for the login page). */
  user?: string;
  path: (me: CurrentUser | undefined) => string;
  selectors: Record<string, string>;
}

const cases: CaseDefinition[] = [
  { name: "login", path: () => "/", selectors: { form: '[data-testid="login-submit"]' } },
  {
    name: "scorecard",
    user: "xa",
    path: (me) => `/units/${me?.unitCode}`,
    selectors: {
      "Đạt X/19": '[data-testid="criteria-met"]',
      page: '[data-testid="scorecard-page"]',
    },
  },
  {
    name: "overview",
    user: "vpdp",
    path: (me) => `/units/${me?.unitCode}`,
    // The figures, whether the first script or the page drew them; then the page itself.
    selectors: { figures: ".overview-page .figure-value", page: '[data-testid="overview-page"]' },
  },
  {
    name: "dashboard",
    user: "vpdp",
    path: (me) => `/targets/${me?.unitCode}`,
    selectors: {
      targets: '[data-testid="targets-panel"]',
      page: '[data-testid="targets-page"]',
      map: '[data-testid="unit-map"] canvas',
    },
  },
];

/** The requests of a cold load in the order they started, to see what waits for what. */
function printWaterfall(result: CaseResult) {
  const rows = [...result.cold.waterfall]
    .sort((a, b) => a.start - b.start)
    .map((entry) => [
      entry.path.replace(/^\/assets\//, "").slice(0, 70),
      fmtSeconds(entry.start),
      fmtSeconds(entry.end),
      `${fmtNum(entry.bytes / 1024, 1)} KiB`,
    ]);
  console.log(table(["request", "start", "end", "on the wire"], rows));
  const shown = Object.entries(result.cold.ready)
    .map(([name, at]) => `${name} ${fmtSeconds(at)}`)
    .join(", ");
  const moved = Object.entries(result.cold.moved)
    .map(([name, px]) => `${name} ${px} px`)
    .join(", ");
  console.log(`LCP ${fmtSeconds(result.cold.lcp)}; shown: ${shown}; moved since shown: ${moved}`);
  for (const shift of result.cold.shifts) {
    console.log(
      `layout shift at ${fmtSeconds(shift.at)}: ${fmtNum(shift.value, 4)} (${shift.sources.join("; ")})`,
    );
  }
  console.log("");
}

/** Each largest-contentful-paint candidate of a load, in the order the browser reported them. */
function printCandidates(load: string, timing: CaseResult["cold"]) {
  for (const candidate of timing.lcpCandidates) {
    console.log(
      `  ${load} candidate ${fmtSeconds(candidate.at)}: ${fmtNum(candidate.size, 0)} px² ${candidate.element}`,
    );
  }
}

const selected = args.only ? new Set(args.only.split(",")) : undefined;
const build = webBuild();
process.env.NTM_WEB_DIST = build.dist;
const app = await startApp();
const browser = await launchBrowser();

const results = new Map<string, CaseResult[]>();
try {
  for (const definition of cases) {
    if (selected && !selected.has(definition.name)) continue;
    const list: CaseResult[] = [];
    for (let run = 0; run < runs; run += 1) {
      // A fresh session each run: the demo's idle limit must not end it between runs.
      const cookie = definition.user ? await apiLogin(app.baseUrl, definition.user) : undefined;
      const me = cookie
        ? await apiGet<CurrentUser>(app.baseUrl, cookie, "/api/auth/me")
        : undefined;
      const pageCase: PageCase = {
        name: definition.name,
        path: definition.path(me),
        cookie,
        selectors: definition.selectors,
      };
      const result = await measureCase(browser, app.baseUrl, pageCase, viewport);
      list.push(result);
      if (args.waterfall) printWaterfall(result);
      if (args.candidates) {
        printCandidates("cold", result.cold);
        printCandidates("warm", result.warm);
      }
      console.log(
        `${definition.name} run ${run + 1}: LCP ${fmtSeconds(result.cold.lcp)} (${result.cold.lcpElement}), CLS ${fmtNum(result.cold.cls, 3)}, warm ${fmtSeconds(result.warm.lcp)}`,
      );
    }
    results.set(definition.name, list);
  }
} finally {
  await browser.close();
  await app.stop();
  build.cleanup();
}

const seconds = (values: number[]) => fmtSeconds(median(values));
const range = (values: number[]) =>
  `${fmtNum(Math.min(...values) / 1000, 2)}–${fmtNum(Math.max(...values) / 1000, 2)}`;
const rows = [...results].map(([name, list]) => {
  const readyNames = Object.keys(list[0]?.cold.ready ?? {});
  return [
    name,
    seconds(list.map((r) => r.cold.lcp)),
    range(list.map((r) => r.cold.lcp)),
    readyNames
      .map((ready) => `${ready} ${seconds(list.map((r) => r.cold.ready[ready] ?? NaN))}`)
      .join(", "),
    `${fmtNum(median(list.map((r) => r.cold.scriptBytes)) / 1024, 0)} KiB`,
    String(median(list.map((r) => r.cold.scriptFiles))),
    fmtNum(median(list.map((r) => r.cold.cls)), 3),
    `${median(list.map((r) => Math.abs(r.cold.moved[readyNames[0] ?? ""] ?? 0)))} px`,
    seconds(list.map((r) => r.warm.lcp)),
    String(median(list.map((r) => r.warm.requests))),
  ];
});

const machine = machineInfo();
console.log(
  `\nWeb first screen, ${viewport.width}×${viewport.height}${viewport.mobile ? " (phone)" : ""}, ` +
    `${slowProfile.downloadKbps / 1000} Mbps down, ${slowProfile.uploadKbps} kbps up, ` +
    `${slowProfile.latencyMs} ms latency, CPU ${slowProfile.cpuSlowdown}× slower, median of ${runs}` +
    `\n${machine.cpuModel}, ${machine.cores} cores, load ${machine.loadAverage.map((l) => fmtNum(l, 1)).join(" ")}\n`,
);
console.log(
  table(
    [
      "page",
      "LCP cold",
      "runs (s)",
      "shown (cold)",
      "JS transferred",
      "script files",
      "CLS cold",
      "headline moved",
      "LCP warm reload",
      "requests on warm reload",
    ],
    rows,
  ),
);
