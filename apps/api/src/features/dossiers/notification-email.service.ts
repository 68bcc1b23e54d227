import type { Db } from "@ntm/db";
import type { AuthUser } from "../auth/auth-user.ts";
import { insertAuditEvents } from "../audit/audit.repository.ts";
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
    await insertAuditEvents(tx, [
      {
        userId: user.id,
        username: user.username,
        action: "notification_contact.set",
        entityType: "notification_contacts",
        entityKey: String(user.id),
        unitCode: null,
        oldValue: { email: before?.email ?? null },
        newValue: { email },
      },
    ]);
  });
  return { email };
}
