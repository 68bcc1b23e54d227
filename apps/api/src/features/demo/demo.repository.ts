import { and, eq } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";
import { readSetting, writeSetting } from "../../shared/settings.repository.ts";
import type { DemoInfo } from "./demo-accounts.ts";

const demoSettingKey = "demo";

export const findDemoInfo = (db: DbOrTx) => readSetting<DemoInfo>(db, demoSettingKey);

export const saveDemoInfo = (db: DbOrTx, info: DemoInfo) => writeSetting(db, demoSettingKey, info);

/** The demo accounts that can still sign in with the published password. */
export async function findActiveDemoAccounts(db: DbOrTx): Promise<string[]> {
  const rows = await db
    .select({ username: tables.users.username })
    .from(tables.users)
    .where(and(eq(tables.users.demo, true), eq(tables.users.active, true)))
    .orderBy(tables.users.username);
  return rows.map((row) => row.username);
}
