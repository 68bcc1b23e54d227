import type { Db, Tx } from "@ntm/db";
import { formatDateVi } from "@ntm/domain";
import type { OcopProductDetail, OcopReevaluateInput, OcopRevokeInput } from "@ntm/contracts";
import { AppError, invalid } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import { today as localDate } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { checkCertificate, communeOn, communeOrSuccessorOn } from "./check-certificate.ts";
import { getProduct } from "./get-product.ts";
import {
  certificateDto,
  currentCertificate,
  loadAllProducts,
  requireProduct,
  type LoadedProduct,
} from "./ocop-registry.ts";
import {
  insertCertificate,
  insertEvent,
  lockProduct,
  revokeCertificateRow,
  updateProduct,
} from "./ocop.repository.ts";
import { syncOcopIndicators } from "./sync-indicators.ts";

const stale = () =>
  new AppError({
    code: "VERSION_CONFLICT",
    vi: "Sản phẩm vừa được người khác cập nhật; hãy tải lại trang rồi thử lại.",
    en: "The product was changed by someone else; reload and try again.",
  });

/** Checks access, locks the product and its version: the start of every change. */
async function begin(tx: Tx, product: LoadedProduct, user: AuthUser, version: number) {
  assertCan(user, "ocop.write", product.resource);
  const locked = await lockProduct(tx, product.row.id);
  if (!locked || locked.version !== version) throw stale();
  return locked;
}

/** Writes the registry's figures into the communes of the provinces the change touched. */
async function finish(tx: Tx, options: { provinceCodes: string[]; user: AuthUser; now: Date }) {
  const products = await loadAllProducts(tx, localDate(options.now));
  for (const provinceCode of new Set(options.provinceCodes)) {
    await syncOcopIndicators(tx as Db, {
      provinceCode,
      products,
      by: options.user,
      now: options.now,
    });
  }
}

/**
 * Re-evaluates a product: a new certificate from new scores (its stars may change), dated after
 * the previous one, in the commune in force on its date.
 */
export async function reevaluateProduct(
  db: Db,
  options: { user: AuthUser; id: number; input: OcopReevaluateInput; now: Date },
): Promise<OcopProductDetail> {
  const { user, input, now } = options;
  const today = localDate(now);
  const product = await requireProduct(db, user, options.id, today);
  assertCan(user, "ocop.write", product.resource);
  const previous = product.certificates.at(-1);
  const { decisionDate } = input.certificate;
  const { unit, provinceCode } = input.communeCode
    ? await communeOn(db, input.communeCode, decisionDate)
    : await communeOrSuccessorOn(db, product.row.communeCode, decisionDate);
  const { rating, expiresOn } = checkCertificate(input.certificate, {
    today,
    previousDate: previous?.decisionDate,
  });
  await db.transaction(async (tx) => {
    const locked = await begin(tx, product, user, input.version);
    const certificate = await insertCertificate(tx, {
      productId: locked.id,
      communeCode: unit.code,
      scoreA: input.certificate.scores.A,
      scoreB: input.certificate.scores.B,
      scoreC: input.certificate.scores.C,
      total: rating.total,
      stars: input.certificate.stars,
      decisionNumber: input.certificate.decisionNumber,
      decisionDate: input.certificate.decisionDate,
      issuer: input.certificate.issuer,
      issuerLevel: input.certificate.issuerLevel,
      expiresOn,
      origin: "reevaluated",
      createdAt: now,
      createdBy: user.username,
    });
    await updateProduct(tx, locked.id, {
      communeCode: unit.code,
      provinceCode,
      version: locked.version + 1,
    });
    const before = previous ? `${previous.stars} sao` : "chưa có sao";
    await insertEvent(tx, {
      productId: locked.id,
      certificateId: certificate.id,
      at: now,
      username: user.username,
      action: "reevaluate",
      note: `Đánh giá lại: ${before} → ${input.certificate.stars} sao (${rating.total} điểm) theo Quyết định ${input.certificate.decisionNumber} ngày ${formatDateVi(input.certificate.decisionDate)}.`,
    });
    await finish(tx, { provinceCodes: [product.row.provinceCode, provinceCode], user, now });
    await recordAudit(tx, {
      kind: "ocop.reevaluate",
      by: user,
      key: String(locked.id),
      unitCode: unit.code,
      old: previous ? certificateDto(previous) : {},
      new: { ...input.certificate, communeCode: unit.code, expiresOn, total: rating.total },
    });
  });
  return getProduct(db, { user, id: options.id, now });
}

/** Revokes the product's certificate in force, with the decision and its reason. */
export async function revokeProduct(
  db: Db,
  options: { user: AuthUser; id: number; input: OcopRevokeInput; now: Date },
): Promise<OcopProductDetail> {
  const { user, input, now } = options;
  const today = localDate(now);
  const product = await requireProduct(db, user, options.id, today);
  assertCan(user, "ocop.write", product.resource);
  const certificate = currentCertificate(product, today);
  const refuse = (vi: string) =>
    invalid(vi, "The certificate cannot be revoked on this date.", [
      { path: "revokedOn", message: vi },
    ]);
  if (certificate.revokedOn) {
    throw refuse(`Giấy chứng nhận đã bị thu hồi từ ngày ${formatDateVi(certificate.revokedOn)}.`);
  }
  if (input.revokedOn > today) {
    throw refuse(`Ngày thu hồi ${formatDateVi(input.revokedOn)} sau hôm nay.`);
  }
  if (input.revokedOn < certificate.decisionDate) {
    throw refuse(
      `Ngày thu hồi phải từ ngày cấp giấy chứng nhận (${formatDateVi(certificate.decisionDate)}).`,
    );
  }
  if (input.revokedOn >= certificate.expiresOn) {
    throw refuse(
      `Giấy chứng nhận đã hết hiệu lực từ ngày ${formatDateVi(certificate.expiresOn)}; không cần thu hồi.`,
    );
  }
  await db.transaction(async (tx) => {
    const locked = await begin(tx, product, user, input.version);
    await revokeCertificateRow(tx, certificate.id, {
      revokedOn: input.revokedOn,
      revokeReason: input.reason,
      revokeDecision: input.decisionNumber,
    });
    await updateProduct(tx, locked.id, { version: locked.version + 1 });
    await insertEvent(tx, {
      productId: locked.id,
      certificateId: certificate.id,
      at: now,
      username: user.username,
      action: "revoke",
      note: `Thu hồi giấy chứng nhận ${certificate.stars} sao từ ngày ${formatDateVi(input.revokedOn)} theo Quyết định ${input.decisionNumber}: ${input.reason}`,
    });
    await finish(tx, { provinceCodes: [product.row.provinceCode], user, now });
    await recordAudit(tx, {
      kind: "ocop.revoke",
      by: user,
      key: String(locked.id),
      unitCode: certificate.communeCode,
      old: { certificateId: certificate.id, revokedOn: null },
      new: { certificateId: certificate.id, ...input },
    });
  });
  return getProduct(db, { user, id: options.id, now });
}
