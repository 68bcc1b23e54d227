import type { Db, DbOrTx } from "@ntm/db";
import { endOfYear, selectSetInForce, type IndicatorValues } from "@ntm/domain";
import { selectSetFor, type StoredSet } from "../catalog/index.ts";
import { findUnitsValidOn, type UnitRow } from "../units/index.ts";
import { analyzeIfLarge } from "../../shared/planner-statistics.repository.ts";
import { whenRequestsDone } from "../../shared/requests-in-flight.ts";
import { toAttributes } from "./evaluation.service.ts";
import { createStorageEvaluator } from "./stored-evaluation.ts";
import {
  findCommuneSetHeaders,
  storeEvaluations,
  type ResultToStore,
} from "./bulk-evaluation.repository.ts";
import { pagedValues, streamedValues, type Chunk, type ValueSource } from "./bulk-values-source.ts";

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
  /** Communes per chunk: a chunk's results are one statement of writes. */
  chunkSize?: number | undefined;
  /**
   * Communes whose values one statement reads, when they are read a page at a time (the embedded
   * database, or inside the caller's transaction); on a PostgreSQL server a maintenance run reads
   * each year through one cursor instead.
   */
  readSize?: number | undefined;
  /** Skips the chunks before this one: a run resumed after its last reported chunk. */
  fromChunk?: number | undefined;
  onProgress?: ((progress: BulkEvaluationProgress) => void) | undefined;
}

const defaultChunkSize = 200;
const defaultReadSize = 400;
/** The longest stretch the engine holds the event loop before letting requests in. */
const sliceMs = 40;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Re-evaluates communes inside the caller's transaction (value imports, catalog and unit
 * changes): the values are read a page of communes at a time, in code order, and the results are
 * written per chunk, so memory stays bounded by the page, not by the country.
 */
export async function evaluateMany(
  db: DbOrTx,
  options: BulkEvaluationOptions,
): Promise<{ evaluated: number }> {
  const chunks = await planChunks(db, options, async () => undefined);
  const source = pagedValues(db, chunks, options.readSize ?? defaultReadSize);
  return runChunks(db, chunks, source, options, { overlap: false, yieldToRequests: false });
}

/**
 * Re-evaluates communes for maintenance (the command line, a background job). Each chunk's
 * results are one statement that stores them only for the communes whose assessment has not
 * changed since their values were read (a value saved meanwhile stored its own result), so no
 * transaction is held across chunks and a run stopped half-way leaves every stored result whole.
 * On a PostgreSQL server each year's values stream through one ordered query while the previous
 * chunk is written; on the embedded database, which runs one statement at a time, the values are
 * read a page at a time and the requests in flight pass before each statement. Results are
 * upserted: starting again from `fromChunk` (or from the start) writes the same rows.
 */
export async function reevaluate(
  db: Db,
  options: BulkEvaluationOptions,
): Promise<{ evaluated: number; chunks: number }> {
  const chunks = await planChunks(db, options, () => whenRequestsDone());
  const streamed = streamedValues(db, chunks);
  // On the embedded database a request waits for the statement in progress: one chunk a read.
  const readSize =
    options.readSize ?? (streamed ? defaultReadSize : (options.chunkSize ?? defaultChunkSize));
  const source = streamed ?? pagedValues(db, chunks, readSize);
  try {
    const { evaluated } = await runChunks(db, chunks, source, options, {
      overlap: streamed !== undefined,
      yieldToRequests: true,
    });
    await analyzeIfLarge(db, evaluated, ["evaluation_results", "evaluation_criteria"], {
      embeddedOnly: true,
    });
    return { evaluated, chunks: chunks.length };
  } finally {
    await source.close();
  }
}

async function runChunks(
  db: DbOrTx,
  chunks: Chunk[],
  source: ValueSource,
  options: BulkEvaluationOptions,
  how: { overlap: boolean; yieldToRequests: boolean },
): Promise<{ evaluated: number }> {
  const pass = how.yieldToRequests ? () => whenRequestsDone() : async () => undefined;
  const setFor = setsOfRun(db, pass);
  const evaluator = createStorageEvaluator();
  let evaluated = 0;
  let writing: Promise<void> | undefined;
  const first = options.fromChunk ?? 0;
  for (let index = first; index < chunks.length; index += 1) {
    const chunk = chunks[index] as Chunk;
    await pass();
    const rows = await source.valuesOf(index);
    const byCode = new Map(chunk.communes.map((commune) => [commune.unit.code, commune]));
    const firstCommune = rows[0] ? byCode.get(rows[0].unit_code) : undefined;
    // The set's reads are statements of their own, each after the requests in flight.
    if (firstCommune) await setFor(chunk.year, firstCommune.provinceCode);
    const results: ResultToStore[] = [];
    let slice = performance.now();
    for (const row of rows) {
      const commune = byCode.get(row.unit_code);
      if (!commune) continue;
      const set = await setFor(chunk.year, commune.provinceCode);
      results.push({
        unitCode: row.unit_code,
        version: row.version,
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
    // One chunk's writes at most run while the next chunk is read and evaluated.
    if (writing) await writing;
    await pass();
    const key = { year: chunk.year, provinceCode: chunk.provinceCode };
    const write = storeEvaluations(db, key, results, options.now).then((stored) => {
      evaluated += stored;
      options.onProgress?.({ chunksDone: index + 1, chunksTotal: chunks.length, evaluated });
    });
    if (how.overlap) {
      writing = write;
      // Awaited before the next write or at the end; a failure is thrown there.
      write.catch(() => undefined);
    } else {
      await write;
    }
  }
  if (writing) await writing;
  if (first >= chunks.length) {
    options.onProgress?.({ chunksDone: chunks.length, chunksTotal: chunks.length, evaluated });
  }
  return { evaluated };
}

/**
 * The set in force for each (year, province) of a run, chosen from the versions' headers (one
 * statement a year) and each chosen version read once: the provinces judged with the national
 * set share one parsed definition, and so one compiled plan per class and year.
 */
function setsOfRun(db: DbOrTx, pass: () => Promise<void>) {
  const headers = new Map<number, ReturnType<typeof findCommuneSetHeaders>>();
  const byId = new Map<number, Promise<StoredSet>>();
  const chosen = new Map<string, Promise<StoredSet>>();
  const choose = async (year: number, provinceCode: string | null) => {
    let yearHeaders = headers.get(year);
    if (!yearHeaders) {
      yearHeaders = pass().then(() => findCommuneSetHeaders(db, year));
      headers.set(year, yearHeaders);
    }
    const inForce = selectSetInForce(await yearHeaders, { year, provinceCode });
    // None in force: the catalog's own choice says why.
    if (!inForce) return selectSetFor(db, { year, provinceCode });
    const id = inForce.set.id;
    let set = byId.get(id);
    if (!set) {
      set = pass().then(() => selectSetFor(db, { year, provinceCode, setId: id }));
      byId.set(id, set);
    }
    return set;
  };
  return (year: number, provinceCode: string | null) => {
    const key = `${year}/${provinceCode}`;
    let set = chosen.get(key);
    if (!set) {
      set = choose(year, provinceCode);
      chosen.set(key, set);
    }
    return set;
  };
}

/**
 * The assessed communes of each year by province (the province key of that year's rows: the
 * province on 31 December), in code order, cut into chunks: the same plan every run.
 */
async function planChunks(
  db: DbOrTx,
  options: BulkEvaluationOptions,
  pass: () => Promise<void>,
): Promise<Chunk[]> {
  const size = Math.max(1, options.chunkSize ?? defaultChunkSize);
  const wanted = options.unitCodes ? new Set(options.unitCodes) : undefined;
  const chunks: Chunk[] = [];
  for (const year of [...new Set(options.years)].sort((x, y) => x - y)) {
    await pass();
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
