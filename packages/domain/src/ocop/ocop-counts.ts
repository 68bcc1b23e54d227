import {
  certificateOn,
  certificateStatusOn,
  countsOn,
  type OcopCertificate,
} from "./certificate-status.ts";

export interface OcopProductRecord {
  id: number;
  name: string;
  certificates: readonly OcopCertificate[];
}

export interface OcopCountQuery {
  date: string;
  minStars: number;
  /** Only products whose certificate in force belongs to one of these communes; all when absent. */
  communeCodes?: ReadonlySet<string>;
}

/** A product that does not count toward a figure, and why. */
export interface OcopProductBehind {
  id: number;
  name: string;
  communeCode: string | null;
  stars: number | null;
  reason: string;
}

export interface OcopCount {
  count: number;
  /** Ids of the products counted. */
  counted: number[];
  behind: OcopProductBehind[];
}

/**
 * Products of `minStars` or more with a certificate valid on the date, and those that do not
 * count (expired, revoked, below the stars) with the reason.
 */
export function countProducts(
  products: readonly OcopProductRecord[],
  query: OcopCountQuery,
): OcopCount {
  const counted: number[] = [];
  const behind: OcopProductBehind[] = [];
  for (const product of products) {
    const certificate = certificateOn(product.certificates, query.date);
    if (!certificate) continue;
    if (query.communeCodes && !query.communeCodes.has(certificate.communeCode)) continue;
    const status = certificateStatusOn(certificate, query.date);
    const row = {
      id: product.id,
      name: product.name,
      communeCode: certificate.communeCode,
      stars: certificate.stars,
    };
    if (!countsOn(certificate, query.date)) {
      behind.push({ ...row, reason: `${status.name}: ${status.reason}` });
    } else if (certificate.stars < query.minStars) {
      behind.push({
        ...row,
        reason: `Hạng ${certificate.stars} sao, dưới ${query.minStars} sao.`,
      });
    } else {
      counted.push(product.id);
    }
  }
  return { count: counted.length, counted, behind };
}

export interface OcopTally {
  date: string;
  total: number;
  byStars: Record<3 | 4 | 5, number>;
  expiring: number;
  expired: number;
  revoked: number;
}

/** Counts of the registry on a date: valid products by stars, expiring, expired and revoked. */
export function tallyProducts(products: readonly OcopProductRecord[], date: string): OcopTally {
  const tally: OcopTally = {
    date,
    total: 0,
    byStars: { 3: 0, 4: 0, 5: 0 },
    expiring: 0,
    expired: 0,
    revoked: 0,
  };
  for (const product of products) {
    const certificate = certificateOn(product.certificates, date);
    if (!certificate) continue;
    const { status } = certificateStatusOn(certificate, date);
    if (status === "expired") tally.expired += 1;
    else if (status === "revoked") tally.revoked += 1;
    else {
      tally.total += 1;
      tally.byStars[certificate.stars] += 1;
      if (status === "expiring") tally.expiring += 1;
    }
  }
  return tally;
}
