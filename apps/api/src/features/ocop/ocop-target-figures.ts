import type { DbOrTx } from "@ntm/db";
import { countProducts, endOfYear, type BehindCommune } from "@ntm/domain";
import { loadAllProducts, toRecord } from "./ocop-registry.ts";

/**
 * The figures of an OCOP target: by year, the products of the target's unit (or named communes)
 * of `minStars` or more valid on 31/12; and, for the last year, each product that does not count
 * named with its commune and the reason (expired, revoked, fewer stars).
 */
export async function ocopTargetFigures(
  db: DbOrTx,
  options: {
    unitCode: string;
    communeCodes: string[] | null;
    minStars: number;
    years: number[];
    communeNames: ReadonlyMap<string, string>;
  },
): Promise<{ entered: { year: number; value: number }[]; behind: BehindCommune[] }> {
  const last = options.years.at(-1);
  if (last === undefined) return { entered: [], behind: [] };
  const products = (await loadAllProducts(db, endOfYear(last))).filter((product) =>
    options.communeCodes ? true : product.resource.path.includes(options.unitCode),
  );
  const records = products.map(toRecord);
  const communeCodes = options.communeCodes ? new Set(options.communeCodes) : undefined;
  const count = (year: number) =>
    countProducts(records, {
      date: endOfYear(year),
      minStars: options.minStars,
      ...(communeCodes ? { communeCodes } : {}),
    });
  const names = new Map(products.map((product) => [product.row.id, product.communeName]));
  const required = `từ ${options.minStars} sao, còn hiệu lực ngày 31/12/${last}`;
  return {
    entered: options.years.map((year) => ({ year, value: count(year).count })),
    behind: count(last).behind.map((product) => ({
      code: product.communeCode ?? "",
      name: product.name,
      parentName:
        options.communeNames.get(product.communeCode ?? "") ?? names.get(product.id) ?? null,
      criteriaMet: null,
      required,
      missing: [product.reason],
      onPace: false,
    })),
  };
}
