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
/** The default bound of one process's kept answers. */
export const answerCacheBytes = 64 * 1024 * 1024;

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

  rememberScopes(name: string, scopes: string[]) {
    if (this.scopes.size >= scopesLimit) this.scopes.clear();
    this.scopes.set(name, scopes);
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

/** The answer cache of one server (its features share it). */
export function answerCacheOf(context: AppContext): AnswerCache {
  let cache = caches.get(context);
  if (!cache) {
    cache = new AnswerCache(context.database.db);
    caches.set(context, cache);
  }
  return cache;
}

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

/**
 * Answers a read from the kept copy when the generation of its scopes is still the one it was
 * read at (one statement), after the access check for `user`; otherwise builds it, keeps it when
 * its generation is known from a snapshot no later than its data's, and sends it (304 when the
 * client's copy is current). `remember` names the unit and year whose scopes a read that
 * cannot take its generation in its own statement reads first.
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
  const { key, remember } = options;
  const kept = cache.lookup(key);
  const scopes = kept?.scopes ?? (remember === undefined ? undefined : cache.scopesFor(remember));
  const generation = scopes ? await readAnswerGeneration(cache.db, scopes) : undefined;
  if (kept && kept.generation === generation) {
    kept.check(options.user);
    return send(cache, request, reply, kept);
  }
  const built = await options.build();
  if (remember !== undefined) cache.rememberScopes(remember, built.scopes);
  const valid =
    built.generation !== undefined
      ? { generation: built.generation, scopes: built.scopes }
      : generation !== undefined && scopes && covers(scopes, built.scopes)
        ? { generation, scopes }
        : undefined;
  if (!valid) {
    cache.drop(key);
    if (built.etag !== undefined && notModified(request, reply, built.etag)) {
      return reply.send(null);
    }
  }
  const json = Buffer.from(JSON.stringify(built.answer()));
  const entry: KeptAnswer = {
    key,
    etag: built.etag ?? `"${createHash("sha1").update(json).digest("base64url")}"`,
    json,
    encoded: new Map(),
    scopes: valid?.scopes ?? built.scopes,
    generation: valid?.generation ?? "",
    check: built.check,
    bytes: json.length + key.length,
  };
  if (valid) cache.keep(entry);
  return send(cache, request, reply, entry);
}
