import type { Db, DbOrTx } from "@ntm/db";
import { endOfYear, type IndicatorValues } from "@ntm/domain";
import { selectSetFor, type StoredSet } from "../catalog/index.ts";
import { findUnitsValidOn, type UnitRow } from "../units/index.ts";
import { whenRequestsDone } from "../../shared/requests-in-flight.ts";
import { toAttributes } from "./evaluation.service.ts";
import { createStorageEvaluator } from "./stored-evaluation.ts";
import {
  findValuesOfCommunes,
  lockAssessments,
  storeEvaluations,
  type ResultToStore,
} from "./bulk-evaluation.repository.ts";

export interface BulkEvaluationProgress {
  chunksDone: number;
  chunksTotal: number;
  /** Commune-years evaluated and stored so far (those without any value are skipped). */
  evaluated: number;
}

export interface BulkEvaluationOptions {
  years: number[];
  /** Only these communes; all assessed communes when absent. */
  unitCodes?: string[] | undefined;
  now: Date;
  /** Communes per chunk: a chunk is one query of values and three writes. */
  chunkSize?: number | undefined;
  /** Skips the chunks before this one: a run resumed after its last reported chunk. */
  fromChunk?: number | undefined;
  onProgress?: ((progress: BulkEvaluationProgress) => void) | undefined;
}

/** Communes of one province and year: every statement of a chunk runs on one shard. */
interface Chunk {
  year: number;
  provinceCode: string;
  communes: { unit: UnitRow; provinceCode: string | null }[];
}

const defaultChunkSize = 200;
/** The longest stretch the engine holds the event loop before letting requests in. */
const sliceMs = 40;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Re-evaluates communes inside the caller's transaction (value imports, catalog and unit
 * changes): the values stream in chunks of communes, in code order, and the results are written
 * per chunk, so memory stays bounded by the chunk, not by the country.
 */
export async function evaluateMany(
  db: DbOrTx,
  options: BulkEvaluationOptions,
): Promise<{ evaluated: number }> {
  return runChunks(db, options, (work) => work(db));
}

/**
 * Re-evaluates communes for maintenance (the command line, a background job): each chunk in its
 * own short transaction that holds the chunk's assessments, so the server keeps answering between
 * chunks and a run stopped half-way leaves every stored result whole. Results are upserted:
 * starting again from `fromChunk` (or from the start) writes the same rows.
 */
export async function reevaluate(
  db: Db,
  options: BulkEvaluationOptions,
): Promise<{ evaluated: number; chunks: number }> {
  let chunks = 0;
  const { evaluated } = await runChunks(
    db,
    {
      ...options,
      onProgress: (progress) => {
        chunks = progress.chunksTotal;
        options.onProgress?.(progress);
      },
    },
    (work) => db.transaction((tx) => work(tx, true)),
  );
  return { evaluated, chunks };
}

async function runChunks(
  db: DbOrTx,
  options: BulkEvaluationOptions,
  inTransaction: (work: (tx: DbOrTx, lock?: boolean) => Promise<number>) => Promise<number>,
): Promise<{ evaluated: number }> {
  const chunks = await planChunks(db, options);
  const sets = new Map<string, Promise<StoredSet>>();
  const setFor = (tx: DbOrTx, year: number, provinceCode: string | null) => {
    const key = `${year}/${provinceCode}`;
    let set = sets.get(key);
    if (!set) {
      set = selectSetFor(tx, { year, provinceCode });
      sets.set(key, set);
    }
    return set;
  };
  const evaluator = createStorageEvaluator();
  let evaluated = 0;
  const first = options.fromChunk ?? 0;
  for (let index = first; index < chunks.length; index += 1) {
    const chunk = chunks[index] as Chunk;
    evaluated += await inTransaction(async (tx, lock) => {
      const codes = chunk.communes.map(({ unit }) => unit.code);
      const key = { year: chunk.year, provinceCode: chunk.provinceCode };
      if (lock) await lockAssessments(tx, key, codes);
      const rows = await findValuesOfCommunes(tx, key, codes);
      const byCode = new Map(chunk.communes.map((commune) => [commune.unit.code, commune]));
      const results: ResultToStore[] = [];
      let slice = performance.now();
      for (const row of rows) {
        const commune = byCode.get(row.unit_code);
        if (!commune) continue;
        const set = await setFor(tx, chunk.year, commune.provinceCode);
        results.push({
          unitCode: row.unit_code,
          year: chunk.year,
          setId: set.id,
          evaluation: evaluator.evaluate({
            set: set.definition,
            unit: toAttributes(commune.unit),
            year: chunk.year,
            values: JSON.parse(row.values) as IndicatorValues,
          }),
        });
        if (performance.now() - slice > sliceMs) {
          await yieldToEventLoop();
          slice = performance.now();
        }
      }
      await storeEvaluations(tx, key, results, options.now);
      return results.length;
    });
    options.onProgress?.({ chunksDone: index + 1, chunksTotal: chunks.length, evaluated });
    await whenRequestsDone();
  }
  if (first >= chunks.length) {
    options.onProgress?.({ chunksDone: chunks.length, chunksTotal: chunks.length, evaluated });
  }
  return { evaluated };
}

/**
 * The assessed communes of each year by province (the province key of that year's rows: the
 * province on 31 December), in code order, cut into chunks: the same plan every run.
 */
async function planChunks(db: DbOrTx, options: BulkEvaluationOptions): Promise<Chunk[]> {
  const size = Math.max(1, options.chunkSize ?? defaultChunkSize);
  const wanted = options.unitCodes ? new Set(options.unitCodes) : undefined;
  const chunks: Chunk[] = [];
  for (const year of [...new Set(options.years)].sort((x, y) => x - y)) {
    const units = await findUnitsValidOn(db, endOfYear(year));
    const byCode = new Map(units.map((unit) => [unit.code, unit]));
    const provinceOf = (unit: UnitRow): string | null => {
      let current: UnitRow | undefined = unit;
      for (let depth = 0; current && depth < 10; depth += 1) {
        if (current.level === "province") return current.code;
        current = current.parentCode ? byCode.get(current.parentCode) : undefined;
      }
      return null;
    };
    const byProvince = new Map<string, Chunk["communes"]>();
    for (const unit of units) {
      if (unit.level !== "commune" || !unit.assessed || (wanted && !wanted.has(unit.code)))
        continue;
      const provinceCode = provinceOf(unit);
      const communes = byProvince.get(provinceCode ?? "") ?? [];
      communes.push({ unit, provinceCode });
      byProvince.set(provinceCode ?? "", communes);
    }
    const codeOrder = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    for (const provinceCode of [...byProvince.keys()].sort(codeOrder)) {
      const communes = (byProvince.get(provinceCode) ?? []).sort((x, y) =>
        codeOrder(x.unit.code, y.unit.code),
      );
      for (let start = 0; start < communes.length; start += size) {
        chunks.push({ year, provinceCode, communes: communes.slice(start, start + size) });
      }
    }
  }
  return chunks;
}
