/**
 * Watches the event loop with a short timer and records the largest gap between ticks beyond
 * the interval: how long the process could not answer anything (PGlite runs its queries on the
 * main thread, so a long query shows up here as a gap of about its duration).
 */
export function watchEventLoop(intervalMs = 5): { stop: () => number } {
  let last = performance.now();
  let largest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    largest = Math.max(largest, now - last - intervalMs);
    last = now;
  }, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      largest = Math.max(largest, performance.now() - last - intervalMs);
      return Math.max(0, largest);
    },
  };
}
