import { serverPoolOf, type DbOrTx } from "@ntm/db";
import type { UnitRow } from "../units/index.ts";
import {
  findValuesOfCommunes,
  openValuesCursor,
  type CommuneValues,
  type ValuesCursor,
} from "./bulk-evaluation.repository.ts";

/** Communes of one province and year: every statement of a chunk runs on one shard. */
export interface Chunk {
  year: number;
  provinceCode: string;
  communes: { unit: UnitRow; provinceCode: string | null }[];
}

/** Where a run's values come from, chunk after chunk in plan order. */
export interface ValueSource {
  /** The chunk's communes that have values, in code order. */
  valuesOf(index: number): Promise<CommuneValues[]>;
  close(): Promise<void>;
}

/**
 * Reads the values of several chunks of one year in one statement, up to `readSize` communes
 * (always a whole chunk): on the embedded database a statement is what a request waits for, so
 * the page bounds that wait, and it cuts the statements of a run.
 */
export function pagedValues(db: DbOrTx, chunks: readonly Chunk[], readSize: number): ValueSource {
  const pages = new Map<number, CommuneValues[]>();
  return {
    async valuesOf(index) {
      const ready = pages.get(index);
      if (ready) {
        pages.delete(index);
        return ready;
      }
      const first = chunks[index] as Chunk;
      const page: number[] = [];
      let communes = 0;
      for (let next = index; next < chunks.length; next += 1) {
        const chunk = chunks[next] as Chunk;
        if (chunk.year !== first.year) break;
        if (page.length > 0 && communes + chunk.communes.length > readSize) break;
        page.push(next);
        communes += chunk.communes.length;
      }
      const chunkOf = new Map<string, number>();
      const provinces = new Set<string>();
      const codes: string[] = [];
      for (const next of page) {
        const chunk = chunks[next] as Chunk;
        provinces.add(chunk.provinceCode);
        for (const { unit } of chunk.communes) {
          chunkOf.set(`${chunk.provinceCode}/${unit.code}`, next);
          codes.push(unit.code);
        }
        pages.set(next, []);
      }
      const rows = await findValuesOfCommunes(db, first.year, [...provinces], codes);
      for (const row of rows) {
        const next = chunkOf.get(`${row.province_code}/${row.unit_code}`);
        if (next !== undefined) pages.get(next)?.push(row);
      }
      const own = pages.get(index) ?? [];
      pages.delete(index);
      return own;
    },
    async close() {
      pages.clear();
    },
  };
}

/** Rows asked of the cursor at a time: a few chunks' worth of communes. */
const cursorBatch = 500;

/** Byte order of (province, code), as the plan and the ordered query sort them. */
function compareKeys(province: string, code: string, otherProvince: string, otherCode: string) {
  if (province !== otherProvince) return province < otherProvince ? -1 : 1;
  return code < otherCode ? -1 : code > otherCode ? 1 : 0;
}

/**
 * On a PostgreSQL server: each year's values through one ordered query on a connection of its
 * own, read a batch of rows at a time as the chunks need them. Undefined on the embedded database.
 */
export function streamedValues(db: DbOrTx, chunks: readonly Chunk[]): ValueSource | undefined {
  const pool = serverPoolOf(db);
  if (!pool) return undefined;
  let open: { year: number; cursor: ValuesCursor } | undefined;
  let buffered: CommuneValues[] = [];
  let at = 0;
  let exhausted = false;
  const closeCursor = async () => {
    const cursor = open?.cursor;
    open = undefined;
    buffered = [];
    at = 0;
    exhausted = false;
    if (cursor) await cursor.close();
  };
  const nextRow = async (): Promise<CommuneValues | undefined> => {
    if (at >= buffered.length) {
      if (exhausted || !open) return undefined;
      buffered = await open.cursor.read(cursorBatch);
      at = 0;
      if (buffered.length < cursorBatch) exhausted = true;
      if (buffered.length === 0) return undefined;
    }
    return buffered[at];
  };
  return {
    async valuesOf(index) {
      const chunk = chunks[index] as Chunk;
      if (open?.year !== chunk.year) {
        await closeCursor();
        const provinces = new Set<string>();
        for (
          let next = index;
          next < chunks.length && chunks[next]?.year === chunk.year;
          next += 1
        ) {
          provinces.add((chunks[next] as Chunk).provinceCode);
        }
        open = {
          year: chunk.year,
          cursor: await openValuesCursor(pool, chunk.year, [...provinces]),
        };
      }
      const codes = new Set(chunk.communes.map(({ unit }) => unit.code));
      const last = chunk.communes.at(-1)?.unit.code ?? "";
      const found: CommuneValues[] = [];
      for (let row = await nextRow(); row; row = await nextRow()) {
        if (compareKeys(row.province_code, row.unit_code, chunk.provinceCode, last) > 0) break;
        at += 1;
        if (row.province_code === chunk.provinceCode && codes.has(row.unit_code)) found.push(row);
      }
      return found;
    },
    close: closeCursor,
  };
}
