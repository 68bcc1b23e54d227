import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "domain", include: ["packages/domain/src/**/*.test.ts"] } },
      { test: { name: "web", include: ["apps/web/src/**/*.test.ts"] } },
      {
        test: {
          name: "contracts",
          include: ["packages/contracts/src/**/*.test.ts", "data/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "api",
          include: ["apps/api/src/**/*.test.ts", "packages/db/src/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "cli",
          include: ["apps/cli/src/**/*.test.ts"],
          // Each test starts the command several times; on a busy two-core machine that takes minutes.
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["e2e/**/*.test.ts"],
          testTimeout: 180_000,
          // Each file's first start seeds the whole demo (two old provinces, the reform, five
          // years of values) on a busy two-core machine.
          hookTimeout: 600_000,
          // A page waits on the server; on a busy two-core machine an answer can take seconds.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
