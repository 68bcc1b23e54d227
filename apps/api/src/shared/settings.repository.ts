import { eq, like } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";

const s = tables.settings;

/** The value stored under a key of `settings`, as its writer stored it; undefined when none. */
export async function readSetting<T>(db: DbOrTx, key: string): Promise<T | undefined> {
  const rows = await db.select({ value: s.value }).from(s).where(eq(s.key, key));
  return rows[0]?.value as T | undefined;
}

/** Stores a value under a key, replacing the one there. */
export async function writeSetting(db: DbOrTx, key: string, value: unknown): Promise<void> {
  await db.insert(s).values({ key, value }).onConflictDoUpdate({ target: s.key, set: { value } });
}

/** Every value whose key starts with a prefix, with the rest of its key. */
export async function readSettingsUnder<T>(db: DbOrTx, prefix: string) {
  const rows = await db
    .select()
    .from(s)
    .where(like(s.key, `${prefix}%`));
  return rows.map((row) => ({ key: row.key.slice(prefix.length), value: row.value as T }));
}
