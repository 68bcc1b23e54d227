import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { readStored, writeStored } from "./storage.ts";

export const firstYear = 2021;
export const lastYear = 2026;
export const defaultYear = 2024;
export const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => firstYear + i);

interface YearValue {
  year: number;
  setYear: (year: number) => void;
}

const YearContext = createContext<YearValue | null>(null);
const storageKey = "ntm.year";

/** The year last chosen on this device, else the default. */
export function initialYear(): number {
  const stored = Number(readStored(storageKey));
  return years.includes(stored) ? stored : defaultYear;
}

/**
 * Tells the server the year the app opens with (a cookie of no other use), so that the page it
 * sends can name that year's data to load with it.
 */
export function shareYear(year: number): void {
  if (typeof document === "undefined") return;
  document.cookie = `ntm_year=${year}; path=/; max-age=31536000; samesite=lax`;
}

export function YearProvider({ children }: { children: ReactNode }) {
  const [year, setYearState] = useState(initialYear);
  const setYear = useCallback((next: number) => {
    setYearState(next);
    writeStored(storageKey, String(next));
    shareYear(next);
  }, []);
  const value = useMemo(() => ({ year, setYear }), [year, setYear]);
  return <YearContext.Provider value={value}>{children}</YearContext.Provider>;
}

/** The assessment year chosen in the header. */
export function useYear(): YearValue {
  const value = useContext(YearContext);
  if (!value) throw new Error("useYear must be used inside YearProvider");
  return value;
}

/** The hierarchy date for a year: its last day, or today for the current year. */
export function asOfForYear(year: number, today = new Date()): string {
  const end = `${year}-12-31`;
  // The programme's calendar is Viet Nam's, whatever the browser's time zone.
  const todayIso = today.toLocaleDateString("en-CA", { timeZone: "Asia/Ho_Chi_Minh" });
  return end < todayIso ? end : todayIso;
}
