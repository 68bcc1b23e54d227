import type { DbOrTx } from "@ntm/db";
import { bandRuleOn, rateProduct } from "@ntm/domain";
import type { OcopProductDetail } from "@ntm/contracts";
import { today as localDate } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { certificateDto, currentCertificate, productDto, requireProduct } from "./ocop-registry.ts";
import { findEvents } from "./ocop.repository.ts";

/** A product with all its certificates, its history and how its stars follow from its scores. */
export async function getProduct(
  db: DbOrTx,
  options: { user: AuthUser; id: number; now: Date; asOf?: string | undefined },
): Promise<OcopProductDetail> {
  const today = localDate(options.now);
  const asOf = options.asOf ?? today;
  const product = await requireProduct(db, options.user, options.id, today);
  const certificate = currentCertificate(product, asOf);
  const rating = rateProduct({
    scores: { A: certificate.scoreA, B: certificate.scoreB, C: certificate.scoreC },
    date: certificate.decisionDate,
  });
  const rule = bandRuleOn(certificate.decisionDate);
  const events = await findEvents(db, product.row.id);
  return {
    ...productDto(product, asOf, options.user),
    asOf,
    certificates: product.certificates.map(certificateDto).reverse(),
    history: events
      .map((event) => ({
        at: event.at.toISOString(),
        username: event.username,
        action: event.action,
        note: event.note,
      }))
      .reverse(),
    reasons: rating.reasons,
    basis: {
      document: rule.basis.document,
      status: rule.basis.status,
      note: rule.basis.note ?? null,
    },
  };
}
