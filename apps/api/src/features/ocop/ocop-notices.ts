import type { Db } from "@ntm/db";
import { certificateStatusOn, formatDateVi, addDays } from "@ntm/domain";
import type { TaskDto } from "@ntm/contracts";
import { allows } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import type { MailConfig } from "../../shared/config.ts";
import { today as localDate } from "../../shared/clock.ts";
import { queueMail } from "../../shared/mail/index.ts";
import type { AuthUser } from "../auth/index.ts";
import { systemUser } from "../auth/index.ts";
import {
  currentCertificate,
  loadAllProducts,
  toDomainCertificate,
  type LoadedProduct,
} from "./ocop-registry.ts";
import {
  findKeeperAddresses,
  findNoticedCertificates,
  insertEvent,
  insertNotice,
} from "./ocop.repository.ts";

/** Products whose certificate in force ends within the notice period (30 days) on the date. */
function expiring(products: LoadedProduct[], date: string) {
  return products.flatMap((product) => {
    if (product.certificates.length === 0) return [];
    const certificate = currentCertificate(product, date);
    const status = certificateStatusOn(toDomainCertificate(certificate), date);
    return status.status === "expiring" ? [{ product, certificate, status }] : [];
  });
}

/**
 * "Việc của tôi": the products whose certificate ends within 30 days, for the accounts that keep
 * the registry (re-evaluation is theirs to organise); due on the certificate's last valid day.
 */
export async function ocopExpiryTasks(db: Db, user: AuthUser, now: Date): Promise<TaskDto[]> {
  const date = localDate(now);
  const products = (await loadAllProducts(db, date)).filter((product) =>
    allows(user, "ocop.write", product.resource),
  );
  return expiring(products, date).map(({ product, certificate, status }) => ({
    kind: "ocop_expiry",
    id: `ocop:${certificate.id}`,
    unit: { code: product.row.communeCode, name: product.communeName },
    due: addDays(certificate.expiresOn, -1),
    overdue: false,
    productId: product.row.id,
    productName: product.row.name,
    stars: certificate.stars,
    expiresOn: certificate.expiresOn,
    daysLeft: status.daysLeft,
  }));
}

export interface OcopNoticeResult {
  /** False when no SMTP server is configured: nothing is sent and nothing is recorded. */
  configured: boolean;
  sent: { certificateId: number; to: string[] }[];
  withoutAddress: number;
}

/**
 * The notice before expiry, by e-mail to the producer and the province's registry keepers: one
 * per certificate whatever the number of runs (recorded with the mail, in one transaction).
 */
export async function sendOcopNotices(
  db: Db,
  options: { now: Date; mail: MailConfig | null },
): Promise<OcopNoticeResult> {
  const result: OcopNoticeResult = {
    configured: options.mail !== null,
    sent: [],
    withoutAddress: 0,
  };
  if (!result.configured) return result;
  const date = localDate(options.now);
  const due = expiring(await loadAllProducts(db, date), date);
  const noticed = await findNoticedCertificates(
    db,
    due.map((item) => item.certificate.id),
  );
  for (const { product, certificate, status } of due) {
    if (noticed.has(certificate.id)) continue;
    const keepers = await findKeeperAddresses(db, product.row.provinceCode);
    const to = [...new Set([product.row.producerEmail, ...keepers].filter((a) => a !== null))];
    if (to.length === 0) {
      result.withoutAddress += 1;
      continue;
    }
    const text = [
      `Giấy chứng nhận sản phẩm OCOP "${product.row.name}" (${certificate.stars} sao) của ${product.row.producerName}, ${product.communeName},`,
      `theo Quyết định ${certificate.decisionNumber} ngày ${formatDateVi(certificate.decisionDate)} của ${certificate.issuer},`,
      `hết hiệu lực từ ngày ${formatDateVi(certificate.expiresOn)} (còn ${status.daysLeft} ngày; thời hạn 36 tháng).`,
      "Đề nghị chủ thể đăng ký đánh giá, phân hạng lại sản phẩm trước ngày hết hạn.",
    ].join("\n");
    const sent = await db.transaction(async (tx) => {
      if (
        !(await insertNotice(tx, { certificateId: certificate.id, sentOn: date, recipients: to }))
      )
        return false;
      await queueMail(
        tx,
        options.mail,
        { to, subject: `[OCOP] Sắp hết hạn giấy chứng nhận: ${product.row.name}`, text },
        options.now,
      );
      await insertEvent(tx, {
        productId: product.row.id,
        certificateId: certificate.id,
        at: options.now,
        username: systemUser.username,
        action: "notice",
        note: `Đã gửi thông báo sắp hết hạn tới ${to.join(", ")}.`,
      });
      await recordAudit(tx, {
        kind: "ocop.notice",
        by: systemUser,
        key: String(product.row.id),
        unitCode: product.row.communeCode,
        new: { certificateId: certificate.id, to },
      });
      return true;
    });
    if (sent) result.sent.push({ certificateId: certificate.id, to });
  }
  return result;
}
