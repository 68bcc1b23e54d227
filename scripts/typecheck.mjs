import { execFileSync } from "node:child_process";

const projects = [
  "packages/domain",
  "packages/contracts",
  "packages/db",
  "apps/api",
  "apps/cli",
  "apps/web",
  "e2e",
  "bench",
  "data",
];
let failed = false;
for (const project of projects) {
  try {
    execFileSync("npx", ["tsc", "-p", project, "--noEmit"], { stdio: "inherit" });
  } catch {
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
