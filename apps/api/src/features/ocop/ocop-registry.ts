import type { DbOrTx } from "@ntm/db";
import {
  certificateOn,
  certificateStatusOn,
  groupOf,
  type IssuerLevel,
  type OcopCertificate,
  type OcopProductRecord,
  type OcopStars,
  type UnitResource,
} from "@ntm/domain";
import type { OcopCertificateDto, OcopProductDto, ProducerKind } from "@ntm/contracts";
import { notFound } from "../../http/app-error.ts";
import { allows } from "../../shared/access.ts";
import type { AuthUser } from "../auth/index.ts";
import { findUnitResource } from "../units/index.ts";
import {
  findCertificates,
  findProduct,
  findProducts,
  type OcopCertificateRow,
  type OcopProductRow,
} from "./ocop.repository.ts";

export interface LoadedProduct {
  row: OcopProductRow;
  certificates: OcopCertificateRow[];
  /** The product's commune as the policy sees it today (a merged commune: its successor's scope). */
  resource: UnitResource;
  communeName: string;
}

export function toDomainCertificate(row: OcopCertificateRow): OcopCertificate {
  return {
    id: row.id,
    stars: row.stars as OcopStars,
    total: row.total,
    communeCode: row.communeCode,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    issuer: row.issuer,
    expiresOn: row.expiresOn,
    revokedOn: row.revokedOn,
    revokeReason: row.revokeReason,
  };
}

export function toRecord(product: LoadedProduct): OcopProductRecord {
  return {
    id: product.row.id,
    name: product.row.name,
    certificates: product.certificates.map(toDomainCertificate),
  };
}

export function certificateDto(row: OcopCertificateRow): OcopCertificateDto {
  return {
    id: row.id,
    scores: { A: row.scoreA, B: row.scoreB, C: row.scoreC },
    total: row.total,
    stars: row.stars,
    communeCode: row.communeCode,
    decisionNumber: row.decisionNumber,
    decisionDate: row.decisionDate,
    issuer: row.issuer,
    issuerLevel: row.issuerLevel as IssuerLevel,
    expiresOn: row.expiresOn,
    revokedOn: row.revokedOn,
    revokeReason: row.revokeReason,
    revokeDecision: row.revokeDecision,
    origin: row.origin as OcopCertificateDto["origin"],
  };
}

/** The certificate that speaks for the product on a date, or its first one before it begins. */
export function currentCertificate(product: LoadedProduct, date: string): OcopCertificateRow {
  return (certificateOn(product.certificates, date) ??
    product.certificates[0]) as OcopCertificateRow;
}

export function productDto(product: LoadedProduct, date: string, user: AuthUser): OcopProductDto {
  const certificate = currentCertificate(product, date);
  const { row } = product;
  return {
    id: row.id,
    name: row.name,
    producerKind: row.producerKind as ProducerKind,
    producerName: row.producerName,
    producerEmail: row.producerEmail,
    group: { code: row.groupCode, name: groupOf(row.groupCode)?.name ?? row.groupCode },
    commune: { code: row.communeCode, name: product.communeName },
    provinceCode: row.provinceCode,
    demo: row.demo,
    version: row.version,
    certificate: certificateDto(certificate),
    status: certificateStatusOn(toDomainCertificate(certificate), date),
    canWrite: allows(user, "ocop.write", product.resource),
  };
}

/** Loads products with their certificates and where each stands in the hierarchy today. */
export async function loadProducts(
  db: DbOrTx,
  rows: OcopProductRow[],
  today: string,
): Promise<LoadedProduct[]> {
  const certificates = await findCertificates(
    db,
    rows.map((row) => row.id),
  );
  const byProduct = new Map<number, OcopCertificateRow[]>();
  for (const certificate of certificates) {
    byProduct.set(certificate.productId, [
      ...(byProduct.get(certificate.productId) ?? []),
      certificate,
    ]);
  }
  const units = new Map<string, { resource: UnitResource; name: string }>();
  const loaded: LoadedProduct[] = [];
  for (const row of rows) {
    let unit = units.get(row.communeCode);
    if (!unit) {
      const found = await findUnitResource(db, row.communeCode, today);
      unit = { resource: found.resource, name: found.unit.name };
      units.set(row.communeCode, unit);
    }
    loaded.push({
      row,
      certificates: byProduct.get(row.id) ?? [],
      resource: unit.resource,
      communeName: unit.name,
    });
  }
  return loaded;
}

/** Every product of the registry. */
export async function loadAllProducts(db: DbOrTx, today: string) {
  return loadProducts(db, await findProducts(db), today);
}

/** Every product whose commune lies under the unit (today, through mergers too). */
export async function loadProductsUnder(db: DbOrTx, unitCode: string, today: string) {
  const all = await loadAllProducts(db, today);
  return all.filter((product) => product.resource.path.includes(unitCode));
}

const missing = (id: number) =>
  notFound(`Không có sản phẩm OCOP số ${id}.`, `No OCOP product ${id}.`);

/** One product, refused as not found when the user may not read it. */
export async function requireProduct(db: DbOrTx, user: AuthUser, id: number, today: string) {
  const row = await findProduct(db, id);
  if (!row) throw missing(id);
  const [product] = await loadProducts(db, [row], today);
  if (!product || !allows(user, "ocop.read", product.resource)) throw missing(id);
  return product;
}
