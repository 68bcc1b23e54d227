import { describe, expect, it } from "vitest";
import { ConfigError, databaseOptions, loadConfig } from "./config.ts";

function problemsOf(environment: Record<string, string>) {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadConfig", () => {
  it("gives the documented defaults for an empty environment", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: "0.0.0.0",
      dataDir: ".data",
      databaseUrl: undefined,
      logLevel: "info",
      mail: null,
      production: false,
      demo: true,
      trustProxy: false,
      session: { idleMinutes: 60, maxHours: 12 },
      answerCacheBytes: 64 * 1024 * 1024,
    });
    expect(databaseOptions(config)).toEqual({ dataDir: ".data/pg" });
  });

  it("treats blank values as unset", () => {
    const config = loadConfig({ PORT: "", DATABASE_URL: " ", NTM_SMTP_URL: "" });
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.mail).toBeNull();
  });

  it("reads every variable into one typed object", () => {
    const config = loadConfig({
      PORT: "8080",
      NTM_DATA_DIR: "/srv/ntm",
      DATABASE_URL: "postgres://ntm:secret@db:5432/ntm",
      NTM_SMTP_URL: "smtp://mail.example.vn:587",
      NTM_SMTP_FROM: "NTM <ntm@example.vn>",
      NTM_MAIL_INTERVAL_SECONDS: "5",
      LOG_LEVEL: "warn",
      NTM_PUBLIC_URL: "https://ntm.example.vn/",
      NTM_TRUST_PROXY: "10.0.0.0/8, 127.0.0.1",
      NTM_SESSION_IDLE_MINUTES: "20",
    });
    expect(config).toMatchObject({
      port: 8080,
      logLevel: "warn",
      mail: {
        smtpUrl: "smtp://mail.example.vn:587",
        from: "NTM <ntm@example.vn>",
        intervalSeconds: 5,
        linkBase: "https://ntm.example.vn",
      },
      publicUrl: "https://ntm.example.vn",
      trustProxy: ["10.0.0.0/8", "127.0.0.1"],
      session: { idleMinutes: 20, maxHours: 12 },
    });
    expect(databaseOptions(config)).toEqual({ url: "postgres://ntm:secret@db:5432/ntm" });
  });

  it.each([
    ["true", true],
    ["false", false],
    ["0", false],
  ])("reads NTM_TRUST_PROXY=%s", (value, expected) => {
    expect(loadConfig({ NTM_TRUST_PROXY: value }).trustProxy).toEqual(expected);
  });

  it("reads a number of proxy hops as trusting only those hops", () => {
    const trust = loadConfig({ NTM_TRUST_PROXY: "2" }).trustProxy;
    if (typeof trust !== "function") throw new Error("expected a function");
    expect([0, 1, 2].map((hop) => trust("10.0.0.1", hop))).toEqual([true, true, false]);
  });

  it("refuses demo accounts in production or with NTM_DEMO=0", () => {
    expect(loadConfig({ NODE_ENV: "production" }).demo).toBe(false);
    expect(loadConfig({ NODE_ENV: "production", NTM_DEMO: "1" }).demo).toBe(false);
    expect(loadConfig({ NTM_DEMO: "0" }).demo).toBe(false);
    expect(loadConfig({ NTM_DEMO: "1" }).demo).toBe(true);
  });

  it("names every bad variable in Vietnamese, without printing a password", () => {
    const error = problemsOf({
      PORT: "abc",
      DATABASE_URL: "mysql://root:hunter2@db/ntm",
      NTM_SMTP_URL: "mail.example.vn",
      LOG_LEVEL: "verbose",
      NTM_DEMO: "maybe",
      NTM_TRUST_PROXY: "everyone",
    });
    expect(error.problems.map((problem) => problem.variable.split("=")[0])).toEqual([
      "PORT",
      "DATABASE_URL",
      "LOG_LEVEL",
      "NTM_SMTP_URL",
      "NTM_DEMO",
      "NTM_TRUST_PROXY",
    ]);
    expect(error.message).toContain('PORT="abc": phải là số nguyên từ 1 đến 65535.');
    expect(error.message).toContain("phải là địa chỉ máy chủ PostgreSQL");
    expect(error.message).toContain("mysql://root:***@db/ntm");
    expect(error.message).not.toContain("hunter2");
    expect(error.message).toContain("phải là một trong các mức");
  });

  it("reads the answer cache's size in MiB, and refuses one that is not a whole number", () => {
    expect(loadConfig({ NTM_ANSWER_CACHE_MB: "256" }).answerCacheBytes).toBe(256 * 1024 * 1024);
    expect(loadConfig({ NTM_ANSWER_CACHE_MB: "0" }).answerCacheBytes).toBe(0);
    expect(problemsOf({ NTM_ANSWER_CACHE_MB: "1.5" }).problems).toEqual([
      { variable: 'NTM_ANSWER_CACHE_MB="1.5"', message: "phải là số MiB từ 0 đến 65536." },
    ]);
  });

  it("refuses a port out of range", () => {
    expect(problemsOf({ PORT: "70000" }).problems).toEqual([
      { variable: 'PORT="70000"', message: "phải là số nguyên từ 1 đến 65535." },
    ]);
  });
});
