import { useCallback, useEffect, useMemo, useRef } from "react";
import { useSearchParams } from "react-router";
import { useYear, years } from "./year-context.tsx";

/** One search parameter: how it reads from the URL (a bad or absent value gives the default). */
export interface UrlField<T> {
  parse: (raw: string | null) => T;
  /** The text kept in the URL; null leaves the parameter out (the default needs no parameter). */
  format: (value: T) => string | null;
}

export type UrlFields<S> = { [K in keyof S]: UrlField<S[K]> };

export const urlField = {
  /** Free text, such as a search; "" is the default. */
  text(): UrlField<string> {
    return { parse: (raw) => raw ?? "", format: (value) => (value === "" ? null : value) };
  },
  /** A whole number within bounds, or the fallback. */
  integer(fallback: number, min: number, max: number): UrlField<number> {
    return {
      parse: (raw) => {
        const value = raw === null || raw.trim() === "" ? Number.NaN : Number(raw);
        return Number.isInteger(value) && value >= min && value <= max ? value : fallback;
      },
      format: (value) => (value === fallback ? null : String(value)),
    };
  },
  /** A whole number within bounds, or nothing. */
  optionalInteger(min: number, max: number): UrlField<number | null> {
    return {
      parse: (raw) => {
        const value = raw === null || raw.trim() === "" ? Number.NaN : Number(raw);
        return Number.isInteger(value) && value >= min && value <= max ? value : null;
      },
      format: (value) => (value === null ? null : String(value)),
    };
  },
  /** One of a few words, or the fallback (null: nothing chosen). */
  oneOf<const T extends string, F extends T | null>(choices: readonly T[], fallback: F) {
    const field: UrlField<T | F> = {
      parse: (raw) => (choices.includes(raw as T) ? (raw as T) : fallback),
      format: (value) => (value === fallback || value === null ? null : value),
    };
    return field;
  },
};

export function readUrlState<S>(params: URLSearchParams, fields: UrlFields<S>): S {
  const state = {} as S;
  for (const key of Object.keys(fields) as (keyof S & string)[]) {
    state[key] = fields[key].parse(params.get(key));
  }
  return state;
}

/** The parameters with a change applied; parameters the fields do not name are kept as they are. */
export function writeUrlState<S>(
  params: URLSearchParams,
  fields: UrlFields<S>,
  patch: Partial<S>,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of Object.keys(patch) as (keyof S & string)[]) {
    const text = fields[key].format(patch[key] as S[typeof key]);
    if (text === null) next.delete(key);
    else next.set(key, text);
  }
  return next;
}

/**
 * A page's filters, sort and paging kept in the URL's search parameters, so that a link or a
 * reload shows the same view and Back undoes a change. A change is a new history entry unless
 * `replace` (typing in a search box should not fill the history with each letter).
 */
export function useUrlState<S>(fields: UrlFields<S>) {
  const [params, setParams] = useSearchParams();
  const fieldsRef = useRef(fields);
  const state = useMemo(() => readUrlState(params, fieldsRef.current), [params]);
  const update = useCallback(
    (patch: Partial<S>, options: { replace?: boolean } = {}) =>
      setParams((previous) => writeUrlState(previous, fieldsRef.current, patch), {
        replace: options.replace ?? false,
      }),
    [setParams],
  );
  return [state, update] as const;
}

export const yearField = urlField.optionalInteger(years[0] as number, years.at(-1) as number);

/** What to do when the URL's year and the header's year disagree. */
export type YearMove =
  { to: "header"; year: number } | { to: "url"; year: number; replace: boolean };

/**
 * The URL wins when it changed (a link was opened, Back was pressed), the header wins when the
 * user picked another year there; a page opened without a year writes the header's in place.
 */
export function reconcileYear(
  previous: { url: number | null | undefined; header: number },
  current: { url: number | null; header: number },
): YearMove | null {
  if (current.url === null) return { to: "url", year: current.header, replace: true };
  if (current.url === current.header) return null;
  if (current.url !== previous.url) return { to: "header", year: current.url };
  return { to: "url", year: current.header, replace: false };
}

/** The assessment year of a page, kept in the URL (`?year=`) and in step with the header's. */
export function useUrlYear(): number {
  const { year: header, setYear } = useYear();
  const [params, setParams] = useSearchParams();
  const url = yearField.parse(params.get("year"));
  const seen = useRef<{ url: number | null | undefined; header: number }>({
    url: undefined,
    header,
  });
  useEffect(() => {
    const move = reconcileYear(seen.current, { url, header });
    seen.current = { url, header };
    if (move?.to === "header") setYear(move.year);
    if (move?.to === "url") {
      setParams((previous) => writeUrlState(previous, { year: yearField }, { year: move.year }), {
        replace: move.replace,
      });
    }
  }, [url, header, setYear, setParams]);
  return url ?? header;
}
