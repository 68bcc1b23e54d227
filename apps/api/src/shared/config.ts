import { join } from "node:path";
import { z } from "zod";

export const logLevels = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof logLevels)[number];

/** Where workflow e-mails go; absent when NTM_SMTP_URL is not set (only the in-app inbox is used). */
export interface MailConfig {
  smtpUrl: string;
  from: string;
  /** How often the server sends what is waiting in the outbox. */
  intervalSeconds: number;
  /** Put before the app's paths in links (NTM_PUBLIC_URL); empty, the links stay relative. */
  linkBase: string;
}

/** Where uploaded files are kept: the data folder, or an S3-compatible bucket (NTM_S3_*). */
export type StorageConfig =
  | { kind: "local" }
  | {
      kind: "s3";
      endpoint: string | undefined;
      bucket: string;
      region: string;
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      pathStyle: boolean;
    };

/** Every setting of the server and the command line, read once from the environment. */
export interface Config {
  port: number;
  host: string;
  /** The data folder: the embedded database (`pg/`) and stored files. */
  dataDir: string;
  /** A PostgreSQL server instead of the embedded database. */
  databaseUrl: string | undefined;
  logLevel: LogLevel;
  /** The built web app served at "/". */
  webDist: string | undefined;
  /** The province's own list of public holidays, instead of the shipped one. */
  holidaysFile: string | undefined;
  mail: MailConfig | null;
  /** NODE_ENV=production. */
  production: boolean;
  /** Whether the demo accounts may sign in: never in production, nor with NTM_DEMO=0. */
  demo: boolean;
  /** The address users reach the app at (https://ntm.example.gov.vn), for links and secure cookies. */
  publicUrl: string | undefined;
  /** Fastify's `trustProxy`: false, true, the proxies' addresses, or "the first n hops". */
  trustProxy: boolean | string[] | ((address: string, hop: number) => boolean);
  session: { idleMinutes: number; maxHours: number };
  /** Background jobs: pg-boss's lost-job, polling and retry timings, the hour reminders go out. */
  jobs: {
    expireInSeconds: number;
    maintenanceIntervalSeconds: number;
    pollingIntervalSeconds: number;
    retryDelaySeconds: number;
    reminderHour: number;
  };
  storage: StorageConfig;
  /** How long a stopping server waits for requests in flight before it exits anyway. */
  shutdownTimeoutSeconds: number;
  /** The bound of this process's kept answers (ADR 0029); 0 keeps none. */
  answerCacheBytes: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Cấu hình môi trường không hợp lệ:\n${problems.map((p) => `  - ${p.variable}: ${p.message}`).join("\n")}`,
    );
    this.name = "ConfigError";
  }
}

const blankAsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema.optional());

function integer(min: number, max: number, message: string) {
  return optional(
    z
      .string()
      .regex(/^\d+$/, { error: message })
      .transform(Number)
      .pipe(z.number().int().min(min, { error: message }).max(max, { error: message })),
  );
}

function url(protocols: string[], message: string) {
  return optional(
    z.string().refine((value) => {
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    }, message),
  );
}

const flag = (message: string) =>
  optional(
    z
      .string()
      .transform((value) => value.trim().toLowerCase())
      .pipe(z.enum(["1", "0", "true", "false", "yes", "no"], { error: message }))
      .transform((value) => ["1", "true", "yes"].includes(value)),
  );

// An address, a CIDR range, or one of proxy-addr's names for a range.
const proxyAddress = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;

const trustProxy = optional(
  z.string().transform((value, context) => {
    const text = value.trim().toLowerCase();
    if (text === "false") return false;
    if (text === "true") return true;
    if (/^\d+$/.test(text)) {
      const hops = Number(text);
      return hops === 0 ? false : (_address: string, hop: number) => hop < hops;
    }
    const addresses = text.split(",").map((part) => part.trim());
    if (addresses.every((address) => proxyAddress.test(address))) return addresses;
    context.addIssue({
      code: "custom",
      message:
        'phải là "true", "false", số tầng proxy (1, 2…) hoặc danh sách địa chỉ, dải địa chỉ của proxy cách nhau bởi dấu phẩy (127.0.0.1,10.0.0.0/8).',
    });
    return z.NEVER;
  }),
);

const environmentSchema = z.object({
  PORT: integer(1, 65535, "phải là số nguyên từ 1 đến 65535."),
  HOST: optional(z.string()),
  NTM_DATA_DIR: optional(z.string()),
  DATABASE_URL: url(
    ["postgres:", "postgresql:"],
    "phải là địa chỉ máy chủ PostgreSQL dạng postgres://người-dùng:mật-khẩu@máy-chủ:5432/tên-csdl.",
  ),
  LOG_LEVEL: optional(
    z.enum(logLevels, { error: `phải là một trong các mức: ${logLevels.join(", ")}.` }),
  ),
  NTM_WEB_DIST: optional(z.string()),
  NTM_HOLIDAYS_FILE: optional(z.string()),
  NTM_SMTP_URL: url(
    ["smtp:", "smtps:"],
    "phải là địa chỉ máy chủ thư dạng smtp://người-dùng:mật-khẩu@máy-chủ:587 (hoặc smtps://… cổng 465).",
  ),
  NTM_SMTP_FROM: optional(
    z.string().regex(/^[^<>@\s]+@[^<>@\s]+$|^[^<>]*<[^<>@\s]+@[^<>@\s]+>$/, {
      error: 'phải là một địa chỉ thư, ví dụ "NTM Monitor <ntm@example.gov.vn>".',
    }),
  ),
  NTM_MAIL_INTERVAL_SECONDS: integer(1, 86400, "phải là số giây từ 1 đến 86400."),
  NODE_ENV: optional(z.string()),
  NTM_DEMO: flag('phải là "1" (cho phép tài khoản minh họa) hoặc "0" (không cho phép).'),
  NTM_PUBLIC_URL: url(
    ["http:", "https:"],
    "phải là địa chỉ đầy đủ của ứng dụng, ví dụ https://ntm.example.gov.vn.",
  ),
  NTM_TRUST_PROXY: trustProxy,
  NTM_SESSION_IDLE_MINUTES: integer(1, 1440, "phải là số phút từ 1 đến 1440."),
  NTM_SESSION_MAX_HOURS: integer(1, 720, "phải là số giờ từ 1 đến 720."),
  NTM_JOB_EXPIRE_SECONDS: integer(2, 86_400, "phải là số giây từ 2 đến 86400."),
  NTM_JOB_MAINTENANCE_SECONDS: integer(1, 3600, "phải là số giây từ 1 đến 3600."),
  NTM_JOB_POLL_SECONDS: integer(1, 600, "phải là số giây từ 1 đến 600."),
  NTM_JOB_RETRY_SECONDS: integer(1, 3600, "phải là số giây từ 1 đến 3600."),
  NTM_REMINDER_HOUR: integer(0, 23, "phải là giờ trong ngày, từ 0 đến 23."),
  NTM_S3_URL: url(
    ["http:", "https:"],
    "phải là địa chỉ kho lưu trữ tương thích S3, ví dụ https://s3.example.gov.vn hoặc http://minio:9000.",
  ),
  NTM_S3_BUCKET: optional(
    z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, {
      error: "phải là tên bucket S3: 3–63 ký tự chữ thường, số, dấu chấm hoặc gạch ngang.",
    }),
  ),
  NTM_S3_REGION: optional(z.string()),
  NTM_S3_ACCESS_KEY_ID: optional(z.string()),
  NTM_S3_SECRET_ACCESS_KEY: optional(z.string()),
  NTM_S3_PATH_STYLE: flag('phải là "1" (địa chỉ dạng máy-chủ/bucket) hoặc "0" (bucket.máy-chủ).'),
  NTM_SHUTDOWN_TIMEOUT_SECONDS: integer(1, 600, "phải là số giây từ 1 đến 600."),
  NTM_ANSWER_CACHE_MB: integer(0, 65_536, "phải là số MiB từ 0 đến 65536."),
});

type Environment = z.infer<typeof environmentSchema>;
type Problem = { variable: string; message: string };

/** The bucket when NTM_S3_BUCKET is set; the other NTM_S3_* alone are a mistake, not ignored. */
function storageOf(env: Environment, problems: Problem[]): StorageConfig {
  const { NTM_S3_ACCESS_KEY_ID: keyId, NTM_S3_SECRET_ACCESS_KEY: secret } = env;
  if (Boolean(keyId) !== Boolean(secret)) {
    problems.push({
      variable: keyId ? "NTM_S3_SECRET_ACCESS_KEY" : "NTM_S3_ACCESS_KEY_ID",
      message: "cần khai báo cả NTM_S3_ACCESS_KEY_ID và NTM_S3_SECRET_ACCESS_KEY.",
    });
  }
  if (!env.NTM_S3_BUCKET) {
    if (env.NTM_S3_URL || keyId || secret) {
      problems.push({
        variable: "NTM_S3_BUCKET",
        message: "cần tên bucket khi dùng kho lưu trữ S3 (NTM_S3_URL, khóa truy cập).",
      });
    }
    return { kind: "local" };
  }
  return {
    kind: "s3",
    endpoint: env.NTM_S3_URL,
    bucket: env.NTM_S3_BUCKET,
    region: env.NTM_S3_REGION ?? "us-east-1",
    credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : undefined,
    pathStyle: env.NTM_S3_PATH_STYLE ?? true,
  };
}

const defaultFrom = "NTM Monitor <ntm-monitor@localhost>";

/**
 * Reads and checks every setting at once, so a mistyped value stops the start with a message
 * that names the variable, instead of failing later inside a request.
 */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const variable = String(issue.path[0] ?? "");
        const shown = (environment[variable] ?? "").replace(/\/\/([^:@/]+):[^@/]*@/, "//$1:***@");
        return { variable: `${variable}="${shown}"`, message: issue.message };
      }),
    );
  }
  const env = parsed.data;
  const problems: Problem[] = [];
  const storage = storageOf(env, problems);
  if (problems.length > 0) throw new ConfigError(problems);
  const production = env.NODE_ENV === "production";
  const publicUrl = env.NTM_PUBLIC_URL?.replace(/\/+$/, "");
  return {
    port: env.PORT ?? 3000,
    host: env.HOST ?? "0.0.0.0",
    dataDir: env.NTM_DATA_DIR ?? ".data",
    databaseUrl: env.DATABASE_URL,
    logLevel: env.LOG_LEVEL ?? "info",
    webDist: env.NTM_WEB_DIST,
    holidaysFile: env.NTM_HOLIDAYS_FILE,
    mail: env.NTM_SMTP_URL
      ? {
          smtpUrl: env.NTM_SMTP_URL,
          from: env.NTM_SMTP_FROM ?? defaultFrom,
          intervalSeconds: env.NTM_MAIL_INTERVAL_SECONDS ?? 30,
          linkBase: publicUrl ?? "",
        }
      : null,
    production,
    demo: !production && env.NTM_DEMO !== false,
    publicUrl,
    trustProxy: env.NTM_TRUST_PROXY ?? false,
    session: {
      idleMinutes: env.NTM_SESSION_IDLE_MINUTES ?? 60,
      maxHours: env.NTM_SESSION_MAX_HOURS ?? 12,
    },
    jobs: {
      expireInSeconds: env.NTM_JOB_EXPIRE_SECONDS ?? 1800,
      maintenanceIntervalSeconds: env.NTM_JOB_MAINTENANCE_SECONDS ?? 60,
      pollingIntervalSeconds: env.NTM_JOB_POLL_SECONDS ?? 2,
      retryDelaySeconds: env.NTM_JOB_RETRY_SECONDS ?? 30,
      reminderHour: env.NTM_REMINDER_HOUR ?? 7,
    },
    storage,
    shutdownTimeoutSeconds: env.NTM_SHUTDOWN_TIMEOUT_SECONDS ?? 25,
    answerCacheBytes: (env.NTM_ANSWER_CACHE_MB ?? 64) * 1024 * 1024,
  };
}

/** The database the configuration names: the server of DATABASE_URL, or the data folder's `pg/`. */
export function databaseOptions(config: Config) {
  return config.databaseUrl ? { url: config.databaseUrl } : { dataDir: join(config.dataDir, "pg") };
}
