import { eq } from "drizzle-orm";
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
