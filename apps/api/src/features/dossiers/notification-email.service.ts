import type { Db } from "@ntm/db";
import type { AuthUser } from "../auth/index.ts";
import { recordAudit } from "../../shared/audit.ts";
import { forbidden } from "../../http/app-error.ts";
import {
  deleteNotificationContact,
  findNotificationContact,
  upsertNotificationContact,
} from "./dossiers.repository.ts";

export async function getNotificationEmail(db: Db, options: { user: AuthUser }) {
  return { email: (await findNotificationContact(db, options.user.id))?.email ?? null };
}

/** Sets (or, with null or "", removes) the address the signed-in user gets workflow e-mails at. */
export async function setNotificationEmail(
  db: Db,
  options: { user: AuthUser; email: string | null },
) {
  const { user } = options;
  if (!user.id) throw forbidden("Tài khoản hệ thống không nhận thư.");
  const email = options.email?.trim().toLowerCase() || null;
  await db.transaction(async (tx) => {
    const before = await findNotificationContact(tx, user.id);
    if (email) await upsertNotificationContact(tx, user.id, email);
    else await deleteNotificationContact(tx, user.id);
    await recordAudit(tx, {
      kind: "notification_contact.set",
      by: user,
      key: String(user.id),
      unitCode: null,
      old: { email: before?.email ?? null },
      new: { email },
    });
  });
  return { email };
}
