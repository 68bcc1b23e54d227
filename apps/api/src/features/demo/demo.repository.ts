import { and, eq } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";
import type { DemoInfo } from "./demo-accounts.ts";

const demoSettingKey = "demo";

export async function findDemoInfo(db: DbOrTx): Promise<DemoInfo | undefined> {
  const rows = await db
    .select()
    .from(tables.settings)
    .where(eq(tables.settings.key, demoSettingKey));
  return rows[0]?.value as DemoInfo | undefined;
}

export async function saveDemoInfo(db: DbOrTx, info: DemoInfo) {
  await db
    .insert(tables.settings)
    .values({ key: demoSettingKey, value: info })
    .onConflictDoUpdate({ target: tables.settings.key, set: { value: info } });
}

/** The demo accounts that can still sign in with the published password. */
export async function findActiveDemoAccounts(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ username: tables.users.username })
    .from(tables.users)
    .where(and(eq(tables.users.demo, true), eq(tables.users.active, true)))
    .orderBy(tables.users.username);
  return rows.map((row) => row.username);
}
