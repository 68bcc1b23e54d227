import type { DbOrTx } from "@ntm/db";
import type { DossierState, RegimeConfig } from "@ntm/domain";
import type { MailConfig } from "../../shared/config.ts";
import { queueMail } from "../../shared/mail/index.ts";
import { findLatestUnit } from "../units/index.ts";
import { findUsersToNotify, type DossierRow } from "./dossiers.repository.ts";

/**
 * Queues an e-mail to the accounts that must act next, in the transaction of the step (when SMTP
 * is configured); the inbox shows the work either way.
 */
export async function notifyNextActors(
  tx: DbOrTx,
  mail: MailConfig | null | undefined,
  dossier: { row: DossierRow; state: DossierState; regime: RegimeConfig; path: string[] },
  now: Date,
) {
  const { row, state, regime, path } = dossier;
  if (!mail || state.status === "decided") return;
  const step = regime.steps[state.currentStep];
  if (!step) return;
  const users = await findUsersToNotify(tx, step.actingRole, path);
  const to = users.map((u) => u.email).filter((email): email is string => Boolean(email));
  const unit = (await findLatestUnit(tx, row.unitCode))?.name ?? row.unitCode;
  await queueMail(
    tx,
    mail,
    {
      to,
      subject: `[NTM] Hồ sơ ${unit} chờ bước: ${step.name}`,
      text: `Hồ sơ số ${row.id} (${unit}, năm ${row.year}) đang chờ bước "${step.name}" (vòng ${state.round}).\nMở hồ sơ: ${mail.linkBase}/dossiers/${row.id}`,
    },
    now,
  );
}
