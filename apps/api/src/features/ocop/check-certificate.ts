import type { DbOrTx } from "@ntm/db";
import { expiryOf, formatDateVi, rateProduct, type OcopRating } from "@ntm/domain";
import type { OcopCertificateInput } from "@ntm/contracts";
import { invalid } from "../../http/app-error.ts";
import { findPathOn, findSuccessorLinks, findUnitOn } from "../units/index.ts";

/**
 * Checks a certificate as entered: scores within each part, stars in the band of the total, the
 * issuer's level, a decision date not after today and a certificate still valid today, after the
 * product's previous certificate. Throws a 400 with every problem in Vietnamese.
 */
export function checkCertificate(
  input: OcopCertificateInput,
  options: { today: string; previousDate?: string | undefined },
): { rating: OcopRating; expiresOn: string } {
  const rating = rateProduct({
    scores: input.scores,
    date: input.decisionDate,
    claimedStars: input.stars,
    issuerLevel: input.issuerLevel,
  });
  const details = rating.problems.map((problem) => ({
    path: `certificate.${problem.field}`,
    message: problem.message,
  }));
  const expiresOn = expiryOf(input.decisionDate);
  if (input.decisionDate > options.today) {
    details.push({
      path: "certificate.decisionDate",
      message: `Ngày quyết định ${formatDateVi(input.decisionDate)} sau hôm nay (${formatDateVi(options.today)}).`,
    });
  } else if (expiresOn <= options.today) {
    details.push({
      path: "certificate.decisionDate",
      message: `Giấy chứng nhận ngày ${formatDateVi(input.decisionDate)} đã hết hiệu lực từ ngày ${formatDateVi(expiresOn)} (36 tháng); sản phẩm phải được đánh giá, phân hạng lại.`,
    });
  }
  if (options.previousDate && input.decisionDate <= options.previousDate) {
    details.push({
      path: "certificate.decisionDate",
      message: `Ngày quyết định đánh giá lại phải sau ngày của giấy chứng nhận trước (${formatDateVi(options.previousDate)}).`,
    });
  }
  const first = details[0];
  if (first) {
    throw invalid(first.message, "The OCOP certificate is not valid.", details);
  }
  return { rating, expiresOn };
}

/** The commune in force on the decision date and its province: a product belongs to them. */
export async function communeOn(db: DbOrTx, code: string, date: string) {
  const unit = await findUnitOn(db, code, date);
  if (!unit || unit.level !== "commune") {
    throw invalid(
      `Mã ${code} không phải là xã có hiệu lực vào ngày quyết định ${formatDateVi(date)}.`,
      `${code} is not a commune in force on the decision date.`,
      [{ path: "communeCode", message: `Không có xã mã ${code} vào ngày ${formatDateVi(date)}.` }],
    );
  }
  const path = await findPathOn(db, code, date);
  const province = path.find((step) => step.level === "province");
  return { unit, provinceCode: province?.code ?? code };
}

/**
 * The commune of a re-evaluation when none is named: the product's own if it is still in force on
 * the date, else the commune that took it over (a merger since the last certificate).
 */
export async function communeOrSuccessorOn(db: DbOrTx, code: string, date: string) {
  if (await findUnitOn(db, code, date)) return communeOn(db, code, date);
  for (const link of await findSuccessorLinks(db, code)) {
    const successor = await findUnitOn(db, link.successorCode, date);
    if (successor?.level === "commune") return communeOn(db, successor.code, date);
  }
  return communeOn(db, code, date);
}
