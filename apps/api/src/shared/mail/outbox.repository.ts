import { and, eq, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { tables, type Db, type DbOrTx } from "@ntm/db";

const outbox = tables.mailOutbox;

export type OutboxRow = typeof outbox.$inferSelect;

export async function insertOutboxMail(
  tx: DbOrTx,
  mail: { to: string[]; subject: string; text: string; now: Date },
): Promise<void> {
  await tx.insert(outbox).values({
    recipients: mail.to,
    subject: mail.subject,
    body: mail.text,
    createdAt: mail.now,
    nextAttemptAt: mail.now,
  });
}

/**
 * Takes the oldest message that is due and not held by another sender, counting the attempt,
 * and holds it until `until`. One statement: concurrent senders (the server and `ntm mail send`
 * on a PostgreSQL server) skip each other's rows instead of waiting for them.
 */
export async function claimDueMail(
  db: Db,
  options: { now: Date; until: Date },
): Promise<OutboxRow | undefined> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.state, "pending"),
        lte(outbox.nextAttemptAt, options.now),
        or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, options.now)),
      ),
    )
    .orderBy(outbox.id)
    .limit(1)
    .for("update", { skipLocked: true });
  const [row] = await db
    .update(outbox)
    .set({ claimedUntil: options.until, attempts: sql`${outbox.attempts} + 1` })
    .where(inArray(outbox.id, due))
    .returning();
  return row;
}

export async function markMailSent(db: Db, id: number, now: Date): Promise<void> {
  await db
    .update(outbox)
    .set({ state: "sent", sentAt: now, claimedUntil: null, lastError: null })
    .where(eq(outbox.id, id));
}

/** Records a failed attempt: tried again at `retryAt`, or given up on when `retryAt` is null. */
export async function markMailAttemptFailed(
  db: Db,
  id: number,
  options: { error: string; retryAt: Date | null },
): Promise<void> {
  await db
    .update(outbox)
    .set({
      state: options.retryAt ? "pending" : "failed",
      lastError: options.error,
      claimedUntil: null,
      ...(options.retryAt ? { nextAttemptAt: options.retryAt } : {}),
    })
    .where(eq(outbox.id, id));
}

export async function findOutboxMails(db: DbOrTx): Promise<OutboxRow[]> {
  return db.select().from(outbox).orderBy(outbox.id);
}
