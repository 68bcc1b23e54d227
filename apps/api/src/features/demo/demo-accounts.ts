import type { DbOrTx } from "@ntm/db";
import { findDemoInfo } from "./demo.repository.ts";

export { findDemoInfo, saveDemoInfo } from "./demo.repository.ts";

export interface DemoInfo {
  provinceCode: string;
  provinceName: string;
  password: string;
  accounts: { username: string; role: string; unitName: string; note: string }[];
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
