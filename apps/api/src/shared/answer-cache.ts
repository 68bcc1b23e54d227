import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { Db } from "@ntm/db";
import type { AppContext } from "../http/app-context.ts";
import { answerCompressors, encodingFor, type AnswerEncoding } from "../http/compress-answers.ts";
import type { AuthUser } from "../features/auth/index.ts";
import { readAnswerGeneration } from "./answer-cache.repository.ts";
import { notModified } from "./etag.ts";

/**
 * An answer as a read builds it. `scopes` are the province keys of every row it read, with "*"
 * (rows of no province: units, lineage, registries); `generation` is theirs when the read's own
 * statement took it in the same snapshot as the data. `check` is the read's access check: it runs
 * again, for the user asking, before a kept copy is served. Without `etag` the validator is the
 * digest of the answer's JSON.
 */
export interface BuiltAnswer {
  etag?: string | undefined;
  answer: () => unknown;
  scopes: string[];
  generation?: string | undefined;
  check: (user: AuthUser) => void;
}

/** A kept answer. */
export interface KeptAnswer {
  key: string;
  etag: string;
  json: Buffer;
  encoded: Map<AnswerEncoding, Buffer>;
  scopes: string[];
  generation: string;
  check: (user: AuthUser) => void;
  bytes: number;
}

/** What an answer's view depends on besides its data: the reader's role, unit, department and language. */
export function answerView(user: AuthUser, language: "vi" | "en"): string {
  const criteria = [...user.criteria].sort().join(",");
  return `${user.role}|${user.unitCode}|${user.departmentCode ?? ""}|${criteria}|${language}`;
}

/** Answers shorter than this go uncompressed, as `compress-answers.ts` sends them. */
const compressFrom = 1024;
/** Units and years whose scopes are remembered; emptied past this many. */
const scopesLimit = 50_000;
/** The default bound of one process's kept answers (NTM_ANSWER_CACHE_MB). */
export const answerCacheBytes = 64 * 1024 * 1024;

/** A read in progress that others asking the same answer await: its kept entry once it lands. */
interface Flight {
  built: BuiltAnswer;
  entry?: KeptAnswer | undefined;
}

/**
 * Finished answers of one server process (their JSON and each compressed form asked for), the
 * least recently used dropped first once `maxBytes` is passed. A kept answer is served only while
 * the database's generation of everything it was read from is the one it was read at (ADR 0029).
 */
export class AnswerCache {
  readonly db: Db;
  readonly maxBytes: number;
  private readonly entries = new Map<string, KeptAnswer>();
  private readonly scopes = new Map<string, string[]>();
  private readonly flights = new Map<string, Promise<Flight>>();
  private total = 0;

  constructor(db: Db, maxBytes = answerCacheBytes) {
    this.db = db;
    this.maxBytes = maxBytes;
  }

  /** Bytes held: every kept answer's JSON, its compressed forms and its key. */
  get bytes() {
    return this.total;
  }

  get size() {
    return this.entries.size;
  }

  /** The kept answer, now the most recently used. */
  lookup(key: string): KeptAnswer | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  keep(entry: KeptAnswer) {
    this.drop(entry.key);
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(entry.key, entry);
    this.total += entry.bytes;
    this.evict();
  }

  drop(key: string) {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.total -= old.bytes;
  }

  /** The scopes the last read named `name` (a unit and year) met, to validate before reading. */
  scopesFor(name: string): string[] | undefined {
    return this.scopes.get(name);
  }

  /**
   * The name under which a route remembers the scopes of the unit and year a read asks (`name`,
   * from its parameters: raw text before validation, typed after), and the route option that lets
   * the session's statement read their generation before the route runs.
   */
  remembering(name: (asked: AnswerParams) => string) {
    const answerScopes = (request: FastifyRequest) =>
      this.scopesFor(
        name({ ...(request.params as AnswerParams), ...(request.query as AnswerParams) }),
      );
    return { name, config: { answerScopes } };
  }

  rememberScopes(name: string, scopes: string[]) {
    if (this.scopes.size >= scopesLimit) this.scopes.clear();
    this.scopes.set(name, scopes);
  }

  /** The read of `key` in progress, if any. */
  flightOf(key: string): Promise<Flight> | undefined {
    return this.flights.get(key);
  }

  /** Runs `read` as the one read of `key` in progress, forgotten once it settles (an error too). */
  fly(key: string, read: () => Promise<Flight>): Promise<Flight> {
    const flight = read().finally(() => {
      if (this.flights.get(key) === flight) this.flights.delete(key);
    });
    this.flights.set(key, flight);
    return flight;
  }

  /** The answer in `encoding`, compressed once and kept with it. */
  encodedAs(entry: KeptAnswer, encoding: AnswerEncoding): Buffer {
    let body = entry.encoded.get(encoding);
    if (body) return body;
    body = answerCompressors[encoding](entry.json);
    entry.encoded.set(encoding, body);
    entry.bytes += body.length;
    if (this.entries.get(entry.key) === entry) {
      this.total += body.length;
      this.evict();
    }
    return body;
  }

  private evict() {
    for (const [key, entry] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.entries.delete(key);
      this.total -= entry.bytes;
    }
  }
}

const caches = new WeakMap<AppContext, AnswerCache>();

/** The answer cache of one server (its features share it), bounded by NTM_ANSWER_CACHE_MB. */
export function answerCacheOf(context: AppContext): AnswerCache {
  let cache = caches.get(context);
  if (!cache) {
    cache = new AnswerCache(context.database.db, context.config.answerCacheBytes);
    caches.set(context, cache);
  }
  return cache;
}

/** A read's path and query parameters: raw text before validation, typed after it. */
export type AnswerParams = Partial<Record<string, string | number>>;

function send(cache: AnswerCache, request: FastifyRequest, reply: FastifyReply, entry: KeptAnswer) {
  if (notModified(request, reply, entry.etag)) return reply.send(null);
  reply.header("content-type", "application/json; charset=utf-8");
  reply.header("vary", "Accept-Language, Accept-Encoding");
  const encoding = entry.json.length >= compressFrom ? encodingFor(request) : undefined;
  if (!encoding) return reply.send(entry.json);
  reply.header("content-encoding", encoding);
  return reply.send(cache.encodedAs(entry, encoding));
}

const covers = (outer: readonly string[], inner: readonly string[]) =>
  inner.every((scope) => outer.includes(scope));

function entryOf(key: string, built: BuiltAnswer, valid: { generation: string; scopes: string[] }) {
  const json = Buffer.from(JSON.stringify(built.answer()));
  return {
    key,
    etag: built.etag ?? `"${createHash("sha1").update(json).digest("base64url")}"`,
    json,
    encoded: new Map(),
    scopes: valid.scopes,
    generation: valid.generation,
    check: built.check,
    bytes: json.length + key.length,
  } satisfies KeptAnswer;
}

/**
 * Answers a read from the kept copy when the generation of its scopes is still the one it was
 * read at, after the access check for `user`. The generation comes with the session's statement
 * when the route named the scopes beforehand (`remembering`), else from one statement.
 * Otherwise the answer is built, once for all the requests asking it at the same time: each of
 * them is served the result only after its own access check, and only when the generation it
 * reads itself is the result's (an error is not shared; each then reads on its own). A result
 * whose generation is known from a snapshot no later than its data's is kept. `remember` names
 * the unit and year whose scopes a later read validates before reading.
 */
export async function serveAnswer(
  cache: AnswerCache,
  request: FastifyRequest,
  reply: FastifyReply,
  options: {
    key: string;
    remember?: string;
    user: AuthUser;
    build: () => Promise<BuiltAnswer>;
  },
): Promise<FastifyReply> {
  const { key, remember, user } = options;
  let current = request.answerGeneration;
  const generationNow = async (scopes: readonly string[]) => {
    if (current?.scopes.length === scopes.length && covers(current.scopes, scopes)) {
      return current.generation;
    }
    const generation = await readAnswerGeneration(cache.db, [...scopes]);
    current = { scopes, generation };
    return generation;
  };
  const kept = cache.lookup(key);
  const scopes = kept?.scopes ?? (remember === undefined ? undefined : cache.scopesFor(remember));
  const generation = scopes ? await generationNow(scopes) : undefined;
  if (kept && kept.generation === generation) {
    kept.check(user);
    return send(cache, request, reply, kept);
  }
  const flying = cache.flightOf(key);
  if (flying) {
    const landed = (await flying.catch(() => undefined))?.entry;
    if (landed && landed.generation === (await generationNow(landed.scopes))) {
      landed.check(user);
      return send(cache, request, reply, landed);
    }
  }
  const { built, entry } = await cache.fly(key, async () => {
    const read = await options.build();
    if (remember !== undefined) cache.rememberScopes(remember, read.scopes);
    const valid =
      read.generation !== undefined
        ? { generation: read.generation, scopes: read.scopes }
        : generation !== undefined && scopes && covers(scopes, read.scopes)
          ? { generation, scopes }
          : undefined;
    if (!valid) {
      cache.drop(key);
      return { built: read };
    }
    const made = entryOf(key, read, valid);
    cache.keep(made);
    return { built: read, entry: made };
  });
  if (entry) return send(cache, request, reply, entry);
  if (built.etag !== undefined && notModified(request, reply, built.etag)) {
    return reply.send(null);
  }
  return send(cache, request, reply, entryOf(key, built, { generation: "", scopes: built.scopes }));
}
