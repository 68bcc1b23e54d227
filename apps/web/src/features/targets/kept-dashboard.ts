/**
 * The last dashboard a user was shown in this tab, kept so that a reload draws it at once, said to
 * be the copy of that time being brought up to date, while the fresh answer is asked (a 304 when
 * nothing changed). Session storage: the first script reads it before anything else has loaded,
 * it lasts as long as the tab, and it is drawn only for the account that read it.
 */
export interface KeptDashboard<T> {
  /** The account that read it. */
  user: number;
  /** The page's address and year it answers. */
  key: string;
  /** When it was read, ms since the epoch. */
  savedAt: number;
  figures: T;
}

const storageKey = "ntm-kept-dashboard";

export function keepDashboard<T>(kept: KeptDashboard<T>): void {
  try {
    window.sessionStorage.setItem(storageKey, JSON.stringify(kept));
  } catch {
    // No storage (disabled, full): a reload waits for the answer, as without a copy.
  }
}

/** The dashboard kept for this account and page, if there is one. */
export function keptDashboard<T>(user: number, key: string): KeptDashboard<T> | null {
  try {
    const raw = window.sessionStorage.getItem(storageKey);
    const kept = raw ? (JSON.parse(raw) as Partial<KeptDashboard<T>>) : null;
    if (kept?.user !== user || kept.key !== key || typeof kept.savedAt !== "number") return null;
    return kept as KeptDashboard<T>;
  } catch {
    return null;
  }
}

/** The fresh answer refused the page or has no targets to draw: its copy is not shown again. */
export function forgetKeptDashboard(): void {
  try {
    window.sessionStorage.removeItem(storageKey);
  } catch {
    // Nothing is kept where there is no storage.
  }
}
