import type { Db, DbOrTx } from "@ntm/db";
import type { CriteriaSet } from "@ntm/domain";
import type { RegistrySource } from "@ntm/contracts";
import { invalid } from "../../http/app-error.ts";
import { ocopSourcedIndicatorsOf } from "../ocop/index.ts";
import { villageSourcedIndicatorsOf } from "../villages/index.ts";

/** An indicator of a commune's set whose value a registry gives in a year. */
export interface SourcedIndicator {
  indicatorCode: string;
  source: RegistrySource;
  /** Why a typed value is refused. */
  refusal: { vi: string; en: string };
}

export type SourcedIndicators = ReadonlyMap<string, SourcedIndicator>;

/** What a registry's part of the rule is asked: the commune's set, its province and the year. */
export interface SourcedOptions {
  set: CriteriaSet;
  provinceCode: string | null;
  year: number;
}

/**
 * The one rule every write path asks (the value save, the entry sheet through it, the file import)
 * and the scorecard and the entry sheet show as read-only cells: the indicators of the commune's
 * set whose value a registry gives that year. The village registry gives an indicator while the
 * province has a village set of its kind in force (the model commune's smart village); the OCOP
 * registry once the province's registry is in use, from the year of its first certificate. Such a
 * value is written from the registry, never typed; otherwise it is typed by hand.
 */
export async function sourcedIndicatorsOf(
  db: DbOrTx,
  options: SourcedOptions,
): Promise<SourcedIndicators> {
  const village = await villageSourcedIndicatorsOf(db, options);
  const ocop = await ocopSourcedIndicatorsOf(db, options);
  return ocop.size === 0 ? village : new Map([...village, ...ocop]);
}

/**
 * The village part from memory while the catalog has not changed (village sets are catalog rows,
 * so a new one changes the generation): a scorecard read stays one statement once warm.
 */
const villageAnswers = new WeakMap<
  Db,
  { generation: string; answers: Map<string, Promise<SourcedIndicators>> }
>();

function cachedVillageSourced(
  db: Db,
  options: SourcedOptions & { generation: string; setId: number; reader?: DbOrTx },
): Promise<SourcedIndicators> {
  let cached = villageAnswers.get(db);
  if (!cached || cached.generation !== options.generation) {
    cached = { generation: options.generation, answers: new Map() };
    villageAnswers.set(db, cached);
  }
  const key = `${options.setId}/${options.provinceCode}/${options.year}`;
  let answer = cached.answers.get(key);
  if (!answer) {
    const answers = cached.answers;
    answer = villageSourcedIndicatorsOf(options.reader ?? db, options);
    answers.set(key, answer);
    answer.catch(() => answers.delete(key));
  }
  return answer;
}

/**
 * `sourcedIndicatorsOf` for a scorecard read or save: the village part cached by the catalog's
 * generation, the OCOP part remembered for a short while on a read, and read again inside a save's
 * transaction (`reader`), so a registry put in use by another process is never typed over.
 */
export async function cachedSourcedIndicators(
  db: Db,
  options: SourcedOptions & { generation: string; setId: number; reader?: DbOrTx },
): Promise<SourcedIndicators> {
  const village = await cachedVillageSourced(db, options);
  const ocop = options.reader
    ? await ocopSourcedIndicatorsOf(options.reader, options)
    : await ocopSourcedIndicatorsOf(db, { ...options, remembered: db });
  return ocop.size === 0 ? village : new Map([...village, ...ocop]);
}

type StoredEntry = { value: number | boolean | null; note: string | null };

/**
 * Why a value written by hand for an indicator a registry gives is refused, or null: the
 * indicator is entered by hand that year, or what is written is what is stored (the registry's own
 * figure sent back unchanged, as a file exported or filled from the template and imported again
 * carries it). The value save and the file import ask it for every value.
 */
export function typedValueRefusal(
  sourced: SourcedIndicators,
  typed: { indicatorCode: string; value: number | boolean | null; note?: string | null },
  stored: StoredEntry | undefined,
): SourcedIndicator["refusal"] | null {
  const found = sourced.get(typed.indicatorCode);
  if (!found) return null;
  const unchanged =
    stored !== undefined &&
    stored.value === typed.value &&
    (typed.note === undefined || typed.note === stored.note);
  return unchanged ? null : found.refusal;
}

/** Refuses a save that types a value a registry gives: nothing is written then. */
export function refuseTypedValues(
  sourced: SourcedIndicators,
  typed: readonly { indicatorCode: string; value: number | boolean | null; note?: string | null }[],
  stored: ReadonlyMap<string, StoredEntry>,
) {
  for (const item of typed) {
    const refusal = typedValueRefusal(sourced, item, stored.get(item.indicatorCode));
    if (refusal) throw invalid(refusal.vi, refusal.en);
  }
}
