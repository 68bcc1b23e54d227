import type { AccountResource, Role } from "@ntm/domain";
import type { DbOrTx } from "@ntm/db";
import { notFound } from "../../http/app-error.ts";
import { today } from "../../shared/clock.ts";
import { findAccountByUsername } from "../auth/index.ts";
import { findPathOn } from "../units/index.ts";

/** The account an administrator acts on, and how the access policy sees it. */
export async function loadAccountTarget(db: DbOrTx, username: string, now: Date) {
  const account = await findAccountByUsername(db, username);
  if (!account) {
    throw notFound(`Không có tài khoản ${username}.`, `No account ${username}.`);
  }
  const path = await findPathOn(db, account.unitCode, today(now));
  const resource: AccountResource = {
    unitCode: account.unitCode,
    path: path.length > 0 ? path.map((unit) => unit.code) : [account.unitCode],
    role: account.role as Role,
  };
  return { account, resource };
}
