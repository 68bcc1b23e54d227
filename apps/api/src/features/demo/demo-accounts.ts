import type { DbOrTx } from "@ntm/db";
import { findActiveDemoAccounts, findDemoInfo } from "./demo.repository.ts";

export { findDemoInfo, saveDemoInfo } from "./demo.repository.ts";

export interface DemoInfo {
  provinceCode: string;
  provinceName: string;
  password: string;
  accounts: { username: string; role: string; unitName: string; note: string }[];
}

/**
 * The text printed at every start while demo accounts exist: who they are, that their password is
 * published, and whether this installation lets them sign in.
 */
export async function demoAccountsNotice(
  db: DbOrTx,
  options: { demoLogins: boolean },
): Promise<string | undefined> {
  const info = await findDemoInfo(db);
  const usernames = await findActiveDemoAccounts(db);
  if (!info || usernames.length === 0) return undefined;
  const active = new Set(usernames);
  const lines = info.accounts
    .filter((account) => active.has(account.username))
    .map((account) =>
      `  ${account.username.padEnd(22)} ${account.role.padEnd(20)} ${account.unitName} ${account.note}`.trimEnd(),
    );
  const heading = `Dữ liệu minh họa: ${info.provinceName}. Tài khoản minh họa (mật khẩu công khai ${info.password}):`;
  const warning = options.demoLogins
    ? [
        `CẢNH BÁO: ${usernames.length} tài khoản minh họa ở trên đăng nhập được bằng mật khẩu công khai.`,
        "Trên hệ thống thật, đặt NODE_ENV=production hoặc NTM_DEMO=0 để từ chối các tài khoản này,",
        "và tạo quản trị thật bằng: ntm users add --username TÊN --password MẬT-KHẨU --role province_admin --unit MÃ-TỈNH",
      ]
    : ["Các tài khoản minh họa này bị từ chối đăng nhập (NODE_ENV=production hoặc NTM_DEMO=0)."];
  return [heading, ...lines, ...warning].join("\n");
}
