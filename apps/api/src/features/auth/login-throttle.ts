/**
 * When a login attempt may go ahead. Two counters per attempt: one per account name (slows
 * guessing on one account from any number of addresses) and one per client address (stops one
 * address from spraying many accounts, loosely enough that an office behind one address is
 * never locked out by its own typing mistakes). Attempts are counted before the password is
 * checked, so parallel guesses cannot slip through; a successful login takes its count back.
 */
export type CounterKind = "account" | "address";

export interface AttemptCounter {
  failures: number;
  firstFailureAt: Date;
  lastFailureAt: Date;
}

const minute = 60_000;

export const throttleRules = {
  account: {
    /** Failures allowed before the first wait. */
    freeFailures: 5,
    /** The count restarts after this long without a failure. */
    forgetAfterMs: 60 * minute,
    /** The wait after the nth failure beyond the free ones doubles from one minute... */
    firstWaitMs: minute,
    /** ...up to this. */
    maxWaitMs: 15 * minute,
  },
  address: {
    maxFailures: 50,
    windowMs: 15 * minute,
  },
} as const;

export type AttemptDecision =
  { allowed: true; next: AttemptCounter } | { allowed: false; retryAfterMs: number };

function accountWaitMs(failures: number): number {
  const rule = throttleRules.account;
  if (failures < rule.freeFailures) return 0;
  return Math.min(rule.firstWaitMs * 2 ** (failures - rule.freeFailures), rule.maxWaitMs);
}

function counted(counter: AttemptCounter | undefined, now: Date, restart: boolean): AttemptCounter {
  if (!counter || restart) return { failures: 1, firstFailureAt: now, lastFailureAt: now };
  return { ...counter, failures: counter.failures + 1, lastFailureAt: now };
}

/** Decides one attempt against one counter and, when it may go ahead, the counter it leaves. */
export function decideAttempt(
  kind: CounterKind,
  counter: AttemptCounter | undefined,
  now: Date,
): AttemptDecision {
  const at = now.getTime();
  if (kind === "account") {
    const stale =
      !counter || at - counter.lastFailureAt.getTime() >= throttleRules.account.forgetAfterMs;
    if (!stale) {
      const until = counter.lastFailureAt.getTime() + accountWaitMs(counter.failures);
      if (at < until) return { allowed: false, retryAfterMs: until - at };
    }
    return { allowed: true, next: counted(counter, now, stale) };
  }
  const rule = throttleRules.address;
  const windowEnds = counter ? counter.firstFailureAt.getTime() + rule.windowMs : at;
  const stale = !counter || at >= windowEnds;
  if (!stale && counter.failures >= rule.maxFailures) {
    return { allowed: false, retryAfterMs: windowEnds - at };
  }
  return { allowed: true, next: counted(counter, now, stale) };
}

/** The key of each counter an attempt is checked against. */
export function counterKeys(username: string, address: string): Record<CounterKind, string> {
  return { account: `account:${username}`, address: `address:${address}` };
}
