import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema } from "@ntm/contracts";
import { createTestApp, loginAs, type TestApp } from "../test/test-app.ts";

/**
 * A seeded, bounded fuzz of the OpenAPI document: every operation, called anonymously and as each
 * role, with wrong types, huge numbers, NUL bytes, long strings, missing and extra fields, bad
 * content types and broken multipart bodies. No answer may be a 5xx, and every error must have
 * the product's shape. FUZZ_SEED replays another sequence; FUZZ_ROUNDS changes its length.
 */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_206);
const roundsPerStrategy = Number(process.env.FUZZ_ROUNDS ?? 5);

/** mulberry32: a small deterministic generator, so a failure replays with the same seed. */
function generator(start: number) {
  let state = start >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (below: number) => Math.floor(next() * below);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const chance = (share: number) => next() < share;
  return { next, int, pick, chance };
}
type Random = ReturnType<typeof generator>;

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  format?: string;
  $ref?: string;
}

interface Parameter {
  in: "path" | "query" | "header" | "cookie";
  name: string;
  required?: boolean;
  schema: JsonSchema;
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: JsonSchema | undefined;
}

/** Values that name real rows of the test world, so requests reach past "not found". */
const known: Record<string, readonly unknown[]> = {
  code: ["X01", "X02", "X03", "D01", "P01", "W01"],
  unit: ["X01", "D01", "P01", "X03"],
  unitCode: ["X01", "D01", "P01"],
  parent: ["P01", "D01"],
  year: [2024, 2023, 2025],
  baselineYear: [2023],
  deadlineYear: [2025],
  id: [1, 2, 3],
  documentId: [1, 2],
  set: [1],
  type: [1, 2],
  batch: [1],
  indicatorCode: ["3.1", "3.2", "10.1", "10.2"],
  indicator: ["3.1", "10.2"],
  indicators: ["3.1,10.1"],
  criterion: ["3", "10"],
  criterionCode: ["3"],
  department: ["so-nn"],
  departmentCode: ["so-nn"],
  asOf: ["2024-06-01"],
  period: ["2024", "2024-Q2", "2024-06"],
  username: ["khong-co-ai", "nguoi-moi"],
  version: [0, 1],
};

const nasty = {
  numbers: [
    -1,
    0,
    2_147_483_648,
    99_999_999_999,
    "9007199254740993",
    1e308,
    -1e308,
    0.5,
    "NaN",
    "Infinity",
    "1e400",
    "0x10",
  ],
  strings: [
    "",
    " ",
    "a\u0000b",
    "\u0000",
    "x".repeat(10_000),
    "%",
    "%00",
    "../../etc/passwd",
    "'; drop table units; --",
    "😀\u202e\ufffd",
    "\ud800",
    "2024-13-45",
    "<script>",
  ],
  shapes: [null, true, [], {}, [1, 2], { a: 1 }, "[]"],
};

function resolve(schema: JsonSchema, components: Record<string, JsonSchema>): JsonSchema {
  if (schema.$ref) return components[schema.$ref.split("/").pop()!] ?? {};
  return schema;
}

/** A value that fits the schema (mostly real names of the test world). */
function valid(
  raw: JsonSchema,
  name: string,
  random: Random,
  components: Record<string, JsonSchema>,
  depth = 0,
): unknown {
  const schema = resolve(raw, components);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return valid(random.pick(choices), name, random, components, depth);
  if (schema.allOf?.[0]) return valid(schema.allOf[0], name, random, components, depth);
  if (schema.enum) return random.pick(schema.enum);
  if (name in known && random.chance(0.8)) return random.pick(known[name]!);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object": {
      const result: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || random.chance(0.5)) {
          result[key] = depth > 4 ? null : valid(property, key, random, components, depth + 1);
        }
      }
      return result;
    }
    case "array": {
      const length = Math.min(schema.maxItems ?? 3, Math.max(schema.minItems ?? 0, random.int(3)));
      return Array.from({ length }, () =>
        schema.items ? valid(schema.items, name, random, components, depth + 1) : null,
      );
    }
    case "integer":
    case "number": {
      const low = Math.max(schema.minimum ?? 0, -1000);
      const high = Math.min(schema.maximum ?? 1000, low + 1000);
      const value = low + random.next() * (high - low);
      return type === "integer" ? Math.round(value) : Math.round(value * 10) / 10;
    }
    case "boolean":
      return random.chance(0.5);
    case "string": {
      if (schema.format === "date" || /date|asOf|From|To$/.test(name)) return "2024-06-01";
      const length = Math.max(schema.minLength ?? 1, Math.min(schema.maxLength ?? 12, 12));
      return "thử nghiệm ".repeat(3).slice(0, length).padEnd(length, "x");
    }
    default:
      return random.pick(["X01", 1, true, null]);
  }
}

/** A value of the wrong kind, out of range or hostile. */
function hostile(random: Random, kind: "type" | "text" | "number"): unknown {
  if (kind === "number") return random.pick(nasty.numbers);
  if (kind === "text") return random.pick(nasty.strings);
  return random.pick([...nasty.shapes, ...nasty.numbers.slice(0, 3), ...nasty.strings.slice(0, 3)]);
}

/** Replaces one leaf of a JSON value with `replacement`, or removes it, or adds a stray key. */
function mutate(value: unknown, random: Random, replacement: () => unknown): unknown {
  if (Array.isArray(value)) {
    if (value.length === 0 || random.chance(0.2)) return [...value, replacement()];
    const index = random.int(value.length);
    return value.map((item, at) => (at === index ? mutate(item, random, replacement) : item));
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0 || random.chance(0.15)) {
      return { ...value, [random.pick(["extra", "__proto__", "constructor", "x\u0000"])]: 1 };
    }
    const [key, item] = random.pick(entries);
    if (random.chance(0.2)) {
      const copy: Record<string, unknown> = { ...value };
      delete copy[key];
      return copy;
    }
    return { ...value, [key]: mutate(item, random, replacement) };
  }
  return replacement();
}

const boundary = "----ntm-fuzz-9b1e";
function multipartBody(random: Random): { type: string; payload: Buffer } {
  const files = [
    Buffer.from("ma_don_vi,ma_chi_tieu,nam,gia_tri\nX01,3.1,2024,81,5\n"),
    Buffer.from("%PDF-1.4 không phải bảng tính"),
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]),
    Buffer.alloc(0),
    Buffer.from("ma_xa,nam,3.1\nX01,2024,\u0000\n"),
  ];
  const name = random.pick([
    "a.csv",
    "b.xlsx",
    "c.pdf",
    "d\u0000.csv",
    "../../e.csv",
    "x".repeat(300),
  ]);
  const part = (field: string, content: Buffer) =>
    Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${name}"\r\n` +
          "Content-Type: application/octet-stream\r\n\r\n",
      ),
      content,
      Buffer.from("\r\n"),
    ]);
  const variants: (() => { type: string; payload: Buffer })[] = [
    () => ({
      type: `multipart/form-data; boundary=${boundary}`,
      payload: Buffer.concat([
        part("file", random.pick(files)),
        Buffer.from(`--${boundary}--\r\n`),
      ]),
    }),
    () => ({
      type: `multipart/form-data; boundary=${boundary}`,
      payload: part("file", random.pick(files)),
    }),
    () => ({ type: "multipart/form-data", payload: part("file", files[0]!) }),
    () => ({
      type: `multipart/form-data; boundary=${boundary}`,
      payload: Buffer.from(`--${boundary}\r\nno headers at all\r\n--${boundary}--\r\n`),
    }),
    () => ({
      type: `multipart/form-data; boundary=${boundary}`,
      payload: Buffer.concat([
        part("file", files[0]!),
        part("file", files[1]!),
        Buffer.from(`--${boundary}--\r\n`),
      ]),
    }),
    () => ({
      type: `multipart/form-data; boundary=${boundary}`,
      payload: Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n${"n".repeat(5000)}\r\n--${boundary}--\r\n`,
      ),
    }),
  ];
  return random.pick(variants)();
}

const strategies = ["valid", "types", "text", "numbers", "shape", "transport"] as const;
type Strategy = (typeof strategies)[number];

interface Built {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

function build(
  operation: Operation,
  strategy: Strategy,
  random: Random,
  components: Record<string, JsonSchema>,
): Built {
  const replacement = () =>
    hostile(random, strategy === "numbers" ? "number" : strategy === "text" ? "text" : "type");
  const values = new Map<Parameter, unknown>();
  for (const parameter of operation.parameters) {
    if (parameter.in === "cookie") continue;
    if (!parameter.required && random.chance(0.5)) continue;
    values.set(parameter, valid(parameter.schema, parameter.name, random, components));
  }
  const params = [...values.keys()];
  if (strategy !== "valid" && params.length > 0) {
    const target = random.pick(params);
    if (strategy === "shape" && !target.required) values.delete(target);
    else if (strategy === "shape") values.set(target, random.pick(["", " ", "x".repeat(150)]));
    else values.set(target, replacement());
  }
  const encode = (value: unknown) => {
    const text = typeof value === "string" ? value : JSON.stringify(value);
    try {
      return encodeURIComponent(text);
    } catch {
      // A lone surrogate has no UTF-8 form: send the bytes a careless client would.
      return "%ED%A0%80";
    }
  };
  let url = operation.path;
  const query: string[] = [];
  const headers: Record<string, string> = {};
  for (const parameter of operation.parameters) {
    const value = values.get(parameter);
    if (parameter.in === "path") {
      url = url.replace(`{${parameter.name}}`, value === undefined ? "" : encode(value));
    } else if (value !== undefined && parameter.in === "query") {
      query.push(`${parameter.name}=${encode(value)}`);
    } else if (value !== undefined && parameter.in === "header") {
      headers[parameter.name] = String(value).replace(/[\r\n]/g, "");
    }
  }
  if (strategy === "shape" && random.chance(0.3))
    query.push(`${random.pick(["extra", "__proto__"])}=1`);
  if (query.length > 0) url += `?${query.join("&")}`;

  if (random.chance(0.3))
    headers["accept-language"] = random.pick(["en", "vi", "en-US,en;q=0.9", "*"]);
  if (random.chance(0.1))
    headers.accept = random.pick(["application/x-ndjson", "text/html", "*/*"]);

  const writes = ["POST", "PUT", "PATCH", "DELETE"].includes(operation.method);
  if (!writes) return { method: operation.method, url, headers };
  if (strategy === "transport" || (!operation.body && random.chance(0.7))) {
    const variant = random.int(8);
    if (variant < 3) {
      const body = multipartBody(random);
      return {
        method: operation.method,
        url,
        headers: { ...headers, "content-type": body.type },
        payload: body.payload,
      };
    }
    const raw: [string, string][] = [
      ["application/json", '{"version": 0, "values": ['],
      ["application/json", "[1,2,3]"],
      ["application/json", '{"__proto__": {"x": 1}}'],
      ["text/plain", "xin chào"],
      ["application/xml", "<a/>"],
      ["application/json; charset=latin1", "{}"],
      ["application/x-www-form-urlencoded", "a=1&b=%00"],
      ["application/json", "null"],
      ["application/json", JSON.stringify({ pad: "x".repeat(1_100_000) })],
    ];
    const [type, payload] = random.pick(raw);
    return {
      method: operation.method,
      url,
      headers: { ...headers, "content-type": type },
      payload,
    };
  }
  if (!operation.body) return { method: operation.method, url, headers };
  let body = valid(operation.body, "body", random, components);
  if (strategy !== "valid") body = mutate(body, random, replacement);
  return {
    method: operation.method,
    url,
    headers: { ...headers, "content-type": "application/json" },
    payload: JSON.stringify(body),
  };
}

let t: TestApp;
const roles = ["admin", "vpdp", "so-nn", "huyen", "xa1", "xa3", "xem"] as const;
const cookies = new Map<string, string>();
let operations: Operation[] = [];
let components: Record<string, JsonSchema> = {};
let sent = 0;

beforeAll(async () => {
  t = await createTestApp();
  for (const role of roles) cookies.set(role, await loginAs(t.app, role));
  const document = (await t.app.inject({ method: "GET", url: "/api/docs/json" })).json() as {
    paths: Record<
      string,
      Record<
        string,
        {
          parameters?: Parameter[];
          requestBody?: { content?: Record<string, { schema: JsonSchema }> };
        }
      >
    >;
    components?: { schemas?: Record<string, JsonSchema> };
  };
  components = document.components?.schemas ?? {};
  operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      parameters: operation.parameters ?? [],
      body: operation.requestBody?.content?.["application/json"]?.schema,
    })),
  );
});
afterAll(async () => {
  // The whole fuzz must have run at least the bound it promises.
  expect(sent).toBeGreaterThanOrEqual(2000);
  await t.close();
});

describe("OpenAPI fuzz: no 5xx, every error in the product's shape", () => {
  it("reads at least 80 operations from the document", () => {
    expect(operations.length).toBeGreaterThanOrEqual(80);
  });

  it.each(strategies)(
    "strategy %s, every operation, anonymous and every role",
    async (strategy) => {
      const random = generator(seed + strategies.indexOf(strategy) * 7919);
      const failures: string[] = [];
      const answered = new Set<string>();
      for (let round = 0; round < roundsPerStrategy; round += 1) {
        for (const operation of operations) {
          const who = random.pick([null, ...roles]);
          const request = build(operation, strategy, random, components);
          const cookie = who
            ? cookies.get(who)
            : random.pick([undefined, "ntm_session=gia-mao", "ntm_session=%00"]);
          const response = await t.app.inject({
            method: request.method as "GET",
            url: request.url,
            // Another address than the test's own sign-ins, so the fuzz's bad logins throttle only it.
            remoteAddress: "192.0.2.7",
            headers: { ...request.headers, ...(cookie ? { cookie } : {}) },
            ...(request.payload !== undefined ? { payload: request.payload } : {}),
          });
          sent += 1;
          if (response.statusCode < 300) answered.add(`${request.method} ${operation.path}`);
          const where = `${request.method} ${request.url.slice(0, 200)} as ${who ?? "anonymous"} → ${response.statusCode}`;
          if (response.statusCode >= 500) failures.push(`${where}: ${response.body.slice(0, 300)}`);
          else if (response.statusCode >= 400) {
            let body: unknown;
            try {
              body = response.json();
            } catch {
              body = response.body;
            }
            const shaped = errorBodySchema.safeParse(body);
            if (!shaped.success || (body as Record<string, unknown>).statusCode !== undefined) {
              failures.push(
                `${where}: not the product's error shape: ${response.body.slice(0, 300)}`,
              );
            }
          }
          // A request that ended the session (logout) is followed by signing in again; when the
          // fuzz's own bad logins have throttled the address, the role goes on anonymously.
          if (who && response.statusCode === 401 && response.body.includes('"UNAUTHENTICATED"')) {
            const again = await loginAs(t.app, who).catch(() => undefined);
            if (again) cookies.set(who, again);
            else cookies.delete(who);
          }
        }
      }
      expect(failures.slice(0, 25), `${failures.length} failures with seed ${seed}`).toEqual([]);
      // Well-formed requests must get through to the services, or the fuzz proves nothing.
      if (strategy === "valid") expect(answered.size).toBeGreaterThanOrEqual(30);
    },
    120_000,
  );
});
