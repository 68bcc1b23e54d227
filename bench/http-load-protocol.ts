/** Messages between the bench (server side) and the load client it forks. */

export interface LoadTarget {
  name: string;
  /** Cookie header of the signed-in user. */
  cookie: string;
  /** Paths to pick from at random for each request. */
  paths: string[];
  /** Relative share of requests in a mixed phase. */
  weight: number;
}

export interface LoadPhase {
  name: string;
  seconds: number;
  /** Concurrent clients; the request's default when absent. */
  concurrency?: number;
  /** Warm-up phases are run but not reported. */
  record: boolean;
  targets: LoadTarget[];
}

export interface LoadRequest {
  type: "run";
  baseUrl: string;
  concurrency: number;
  phases: LoadPhase[];
}

export interface TargetOutcome {
  latencies: number[];
  errors: number;
  firstError: string | undefined;
  bytes: number;
}

export type LoadMessage =
  | { type: "phase-start"; name: string }
  | {
      type: "phase-end";
      name: string;
      record: boolean;
      elapsedMs: number;
      byTarget: Record<string, TargetOutcome>;
    }
  | { type: "done" };
