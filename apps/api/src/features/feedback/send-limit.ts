import { createHash } from "node:crypto";
import type { SendCounter } from "./feedback.repository.ts";

/**
 * How much feedback may come in: a few comments an hour from one address (a household or a
 * shared phone may send more than one), and a ceiling per dossier however many addresses send,
 * so that a flood cannot bury the residents' real comments under its own.
 */
export const sendRules = {
  address: { max: 5, windowMs: 60 * 60_000 },
  dossier: { max: 60, windowMs: 60 * 60_000 },
} as const;

export type SendKind = keyof typeof sendRules;

export type SendDecision =
  { allowed: true; next: SendCounter } | { allowed: false; retryAfterMs: number };

/** Decides one send against one counter: a fixed window that starts with its first send. */
export function decideSend(
  kind: SendKind,
  counter: SendCounter | undefined,
  now: Date,
): SendDecision {
  const rule = sendRules[kind];
  const at = now.getTime();
  const fresh =
    !counter || counter.count === 0 || at >= counter.windowStart.getTime() + rule.windowMs;
  if (fresh) return { allowed: true, next: { count: 1, windowStart: now } };
  if (counter.count >= rule.max) {
    return { allowed: false, retryAfterMs: counter.windowStart.getTime() + rule.windowMs - at };
  }
  return { allowed: true, next: { count: counter.count + 1, windowStart: counter.windowStart } };
}

/** The counters' keys: the address only as a hash, so the table never holds who sent what. */
export function sendKeys(address: string, dossierId: number): Record<SendKind, string> {
  const hashed = createHash("sha256").update(`ntm-feedback:${address}`).digest("hex").slice(0, 32);
  return { address: `address:${hashed}`, dossier: `dossier:${dossierId}` };
}
