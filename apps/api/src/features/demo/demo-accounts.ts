import { eq } from "drizzle-orm";
import { tables, type DbOrTx } from "@ntm/db";

export interface DemoInfo {
  provinceCode: string;
  provinceName: string;
  password: string;
  accounts: { username: string; role: string; unitName: string; note: string }[];
}

export const demoSettingKey = "demo";

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

/** The text printed at start-up listing the demo accounts, when demo data is loaded. */
export async function demoAccountsNotice(db: DbOrTx): Promise<string | undefined> {
  const info = await findDemoInfo(db);
  if (!info) return undefined;
  const lines = info.accounts.map((account) =>
    `  ${account.username.padEnd(22)} ${account.role.padEnd(20)} ${account.unitName} ${account.note}`.trimEnd(),
  );
  return [
    `Dữ liệu minh họa: ${info.provinceName}. Tài khoản minh họa (mật khẩu ${info.password}):`,
    ...lines,
  ].join("\n");
}
