import v8 from "node:v8";
import vm from "node:vm";

v8.setFlagsFromString("--expose-gc");
const collectGarbage = vm.runInNewContext("gc") as () => void;

export interface MemoryPeak {
  /** RSS and heap after a full garbage collection, just before the phase. */
  baselineRssBytes: number;
  baselineHeapBytes: number;
  /** Highest sampled RSS and V8 heap in use during the phase. */
  peakRssBytes: number;
  peakHeapBytes: number;
  /** Highest sampled memory of ArrayBuffers and Buffers (outside the V8 heap). */
  peakArrayBuffersBytes: number;
  /** The kernel's maxrss of the process after the phase: the high-water mark since it started. */
  processMaxRssBytes: number;
  samples: number;
}

/**
 * Runs `task` while sampling memory every `intervalMs` (and at every await, since the timer
 * only fires when the event loop turns; a long synchronous stretch is caught by the kernel's
 * maxrss but not by the samples).
 */
export async function withMemoryPeak<T>(
  task: () => Promise<T>,
  intervalMs = 20,
): Promise<{ result: T; ms: number; memory: MemoryPeak }> {
  collectGarbage();
  const base = process.memoryUsage();
  let peakRss = base.rss;
  let peakHeap = base.heapUsed;
  let peakArrayBuffers = base.arrayBuffers;
  let samples = 0;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
    peakArrayBuffers = Math.max(peakArrayBuffers, now.arrayBuffers);
    samples += 1;
  };
  const timer = setInterval(sample, intervalMs);
  const start = performance.now();
  try {
    const result = await task();
    const ms = performance.now() - start;
    sample();
    return {
      result,
      ms,
      memory: {
        baselineRssBytes: base.rss,
        baselineHeapBytes: base.heapUsed,
        peakRssBytes: peakRss,
        peakHeapBytes: peakHeap,
        peakArrayBuffersBytes: peakArrayBuffers,
        processMaxRssBytes: process.resourceUsage().maxRSS * 1024,
        samples,
      },
    };
  } finally {
    clearInterval(timer);
  }
}
