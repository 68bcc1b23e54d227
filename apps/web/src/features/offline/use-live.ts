import { liveQuery } from "dexie";
import { useEffect, useState, type DependencyList } from "react";

/** The answer of an IndexedDB query, kept current as the tables change (in any tab). */
export function useLive<T>(query: () => Promise<T>, deps: DependencyList, initial: T): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      // IndexedDB can be unavailable (private mode): the page then works without device drafts.
      error: () => undefined,
    });
    return () => subscription.unsubscribe();
    // The query is rebuilt from the deps the caller names.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return value;
}
