import type { DbOrTx } from "@ntm/db";
import { addDays, matchesSearch, tallyProducts } from "@ntm/domain";
import type { OcopListQuery, OcopListResponse } from "@ntm/contracts";
import { allows } from "../../shared/access.ts";
import { today as localDate } from "../../shared/clock.ts";
import type { AuthUser } from "../auth/index.ts";
import { requireUnitAccess } from "../units/index.ts";
import {
  currentCertificate,
  loadProductsUnder,
  productDto,
  toRecord,
  type LoadedProduct,
} from "./ocop-registry.ts";

/** Whether a product passes the list's filters on the date. */
function passes(product: LoadedProduct, query: OcopListQuery, asOf: string): boolean {
  const certificate = currentCertificate(product, asOf);
  if (query.group && product.row.groupCode !== query.group) return false;
  if (query.stars && certificate.stars !== query.stars) return false;
  if (query.commune && certificate.communeCode !== query.commune) return false;
  if (query.expiringWithin !== undefined) {
    const limit = addDays(asOf, query.expiringWithin);
    const live = !certificate.revokedOn || certificate.revokedOn > asOf;
    if (!live || certificate.expiresOn <= asOf || certificate.expiresOn > limit) return false;
  }
  if (query.q && !matchesSearch(`${product.row.name} ${product.row.producerName}`, query.q)) {
    return false;
  }
  return true;
}

/** The products of a unit on a date, filtered, with the unit's counts on that date. */
export async function listProducts(
  db: DbOrTx,
  options: { user: AuthUser; query: OcopListQuery; now: Date },
): Promise<OcopListResponse> {
  const { user, query } = options;
  const today = localDate(options.now);
  const asOf = query.asOf ?? today;
  const { unit, resource } = await requireUnitAccess(db, {
    user,
    code: query.unitCode,
    asOf: today,
    action: "ocop.read",
  });
  const all = (await loadProductsUnder(db, unit.code, today)).filter(
    (product) => product.certificates.length > 0 && allows(user, "ocop.read", product.resource),
  );
  const shown = all.filter((product) => passes(product, query, asOf));
  const dtos = shown.map((product) => productDto(product, asOf, user));
  if (query.status) {
    const wanted = query.status;
    dtos.splice(0, dtos.length, ...dtos.filter((dto) => dto.status.status === wanted));
  }
  const tally = tallyProducts(all.map(toRecord), asOf);
  const communes = new Map<string, string>();
  for (const product of all) communes.set(product.row.communeCode, product.communeName);
  return {
    asOf,
    unit: { code: unit.code, name: unit.name },
    tally: {
      total: tally.total,
      byStars: tally.byStars,
      expiring: tally.expiring,
      expired: tally.expired,
      revoked: tally.revoked,
    },
    products: dtos,
    canWrite: allows(user, "ocop.write", resource),
    communes: [...communes]
      .map(([code, name]) => ({ code, name }))
      .sort((a, b) => a.name.localeCompare(b.name, "vi")),
  };
}
