import type { Db } from "@ntm/db";
import type { OcopProductDetail, OcopProductInput } from "@ntm/contracts";
import { AppError } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import { today as localDate } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { findUnitResource } from "../units/index.ts";
import { checkCertificate, communeOn } from "./check-certificate.ts";
import { getProduct } from "./get-product.ts";
import { loadAllProducts } from "./ocop-registry.ts";
import { forgetRegistryScopes } from "./ocop-sourced.ts";
import {
  findProductByName,
  insertCertificate,
  insertEvent,
  insertProduct,
} from "./ocop.repository.ts";
import { syncOcopIndicators } from "./sync-indicators.ts";

/** Registers a certified product with its first certificate; its commune's indicators follow. */
export async function registerProduct(
  db: Db,
  options: {
    user: AuthUser;
    input: OcopProductInput;
    now: Date;
    demo?: boolean;
    /** "imported" for a province's existing list. */
    origin?: "certified" | "imported";
    /** False when the caller writes the registry's figures itself, once for many products. */
    sync?: boolean;
  },
): Promise<OcopProductDetail> {
  const { user, input, now } = options;
  const today = localDate(now);
  const { resource } = await findUnitResource(db, input.communeCode, today);
  assertCan(user, "ocop.write", resource);
  const { unit, provinceCode } = await communeOn(
    db,
    input.communeCode,
    input.certificate.decisionDate,
  );
  const { rating, expiresOn } = checkCertificate(input.certificate, { today });
  const id = await db.transaction(async (tx) => {
    const key = { provinceCode, name: input.name, producerName: input.producerName };
    if (await findProductByName(tx, key)) {
      throw new AppError({
        code: "CONFLICT",
        vi: `Sản phẩm "${input.name}" của ${input.producerName} đã có trong sổ OCOP của tỉnh; hãy đánh giá lại sản phẩm đó.`,
        en: "This product of this producer is already in the province's OCOP registry.",
      });
    }
    const product = await insertProduct(tx, {
      provinceCode,
      communeCode: unit.code,
      name: input.name,
      producerKind: input.producerKind,
      producerName: input.producerName,
      producerEmail: input.producerEmail,
      groupCode: input.groupCode,
      demo: options.demo ?? false,
      createdAt: now,
      createdBy: user.username,
    });
    const certificate = await insertCertificate(tx, {
      productId: product.id,
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
      origin: options.origin ?? "certified",
      createdAt: now,
      createdBy: user.username,
    });
    await insertEvent(tx, {
      productId: product.id,
      certificateId: certificate.id,
      at: now,
      username: user.username,
      action: "register",
      note: `Đăng ký sản phẩm ${input.certificate.stars} sao theo Quyết định ${input.certificate.decisionNumber}.`,
    });
    if (options.sync !== false) {
      await syncOcopIndicators(tx as Db, {
        provinceCode,
        products: await loadAllProducts(tx, today),
        by: user,
        now,
      });
    }
    await recordAudit(tx, {
      kind: "ocop.register",
      by: user,
      key: String(product.id),
      unitCode: unit.code,
      new: { ...input, expiresOn, total: rating.total },
    });
    return product.id;
  });
  forgetRegistryScopes(db);
  return getProduct(db, { user, id, now });
}
