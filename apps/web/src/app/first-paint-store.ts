import { useSyncExternalStore } from "react";
import "./first-paint.css";

/**
 * What the first script drew for a page from its early answer, until the page's own code has
 * drawn it: one drawing at a time, for the page at its `pathname`.
 */
export interface FirstPaintStore<T extends { pathname: string }> {
  /** Draws `next` (from the moment its answer has arrived). */
  publish: (next: T) => void;
  /** The full page is on screen: never shown again (its figures would age). */
  forget: () => void;
  subscribe: (listener: () => void) => () => void;
  read: () => T | null;
}

export function createFirstPaintStore<T extends { pathname: string }>(): FirstPaintStore<T> {
  let current: T | null = null;
  const listeners = new Set<() => void>();
  const set = (next: T | null) => {
    current = next;
    for (const listener of listeners) listener();
  };
  return {
    publish: set,
    forget: () => {
      if (current) set(null);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    read: () => current,
  };
}

/** The store's drawing for the page at `pathname`, if there is one. */
export function useFirstPaint<T extends { pathname: string }>(
  store: FirstPaintStore<T>,
  pathname: string,
): T | null {
  const drawn = useSyncExternalStore(store.subscribe, store.read, store.read);
  return drawn?.pathname === pathname ? drawn : null;
}
