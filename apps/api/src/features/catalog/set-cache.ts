import type { Db, DbOrTx } from "@ntm/db";
import { selectSetInForce } from "@ntm/domain";
import { notFound } from "../../http/app-error.ts";
import {
  findSetById,
  findSetHeaders,
  type SetHeader,
  type StoredSet,
} from "./catalog.repository.ts";

/**
 * A stored set version never changes once imported (rows of criteria_sets are only inserted), so
 * its parsed definition is kept in memory by id. What may change is the list of versions: a new
 * import or a provincial version adds one. Each read states the catalog's generation (count, last
 * id, last import time, read in the same statement as the rest of its context), and a different
 * generation drops everything cached, also when another server process imported the set.
 */
interface CatalogCache {
  generation: string;
  headers: SetHeader[] | undefined;
  sets: Map<number, Promise<StoredSet | undefined>>;
}

const caches = new WeakMap<Db, CatalogCache>();

function cacheOf(db: Db, generation: string): CatalogCache {
  const cached = caches.get(db);
  if (cached && cached.generation === generation) return cached;
  const fresh: CatalogCache = { generation, headers: undefined, sets: new Map() };
  caches.set(db, fresh);
  return fresh;
}

function loadSet(cache: CatalogCache, db: DbOrTx, id: number) {
  let found = cache.sets.get(id);
  if (!found) {
    found = findSetById(db, id);
    cache.sets.set(id, found);
    found.catch(() => cache.sets.delete(id));
  }
  return found;
}

const noSet = (id: number) => notFound(`Không có bộ tiêu chí số ${id}.`, `No criteria set ${id}.`);

/**
 * The set a commune's year is judged with (`selectSetInForce`), or the one asked for by id, from
 * memory when the catalog has not changed. `db` names the database the cache belongs to; `reader`
 * is the handle to read through (the transaction of a save, so that it sees what it will store).
 */
export async function cachedSetFor(
  db: Db,
  options: {
    generation: string;
    year: number;
    provinceCode: string | null;
    setId?: number | undefined;
    reader?: DbOrTx;
  },
): Promise<StoredSet> {
  const cache = cacheOf(db, options.generation);
  const reader = options.reader ?? db;
  if (options.setId !== undefined) {
    const set = await loadSet(cache, reader, options.setId);
    if (!set) throw noSet(options.setId);
    return set;
  }
  cache.headers ??= await findSetHeaders(reader);
  const chosen = selectSetInForce(
    cache.headers.filter((header) => header.unitLevel === "commune"),
    options,
  );
  if (!chosen) {
    throw notFound(
      `Chưa có bộ tiêu chí áp dụng cho năm ${options.year}.`,
      `No criteria set applies to ${options.year}.`,
    );
  }
  const set = await loadSet(cache, reader, chosen.set.id);
  if (!set) throw noSet(chosen.set.id);
  return set;
}

/** The whole definition of one version by id, from memory when already read. */
export async function cachedSetById(db: Db, generation: string, id: number) {
  return loadSet(cacheOf(db, generation), db, id);
}
