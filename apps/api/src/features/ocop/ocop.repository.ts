import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { queryRows, tables, type DbOrTx } from "@ntm/db";

const op = tables.ocopProducts;
const oc = tables.ocopCertificates;
const oe = tables.ocopEvents;
const on = tables.ocopNotices;

export type OcopProductRow = typeof op.$inferSelect;
export type OcopCertificateRow = typeof oc.$inferSelect;
export type OcopEventRow = typeof oe.$inferSelect;

export async function findProducts(db: DbOrTx, filter: { provinceCodes?: string[] } = {}) {
  return db
    .select()
    .from(op)
    .where(filter.provinceCodes ? inArray(op.provinceCode, filter.provinceCodes) : undefined)
    .orderBy(asc(op.name), asc(op.id));
}

export async function findProduct(db: DbOrTx, id: number) {
  const rows = await db.select().from(op).where(eq(op.id, id));
  return rows[0];
}

/** Locks a product row for a change; undefined when there is none. */
export async function lockProduct(db: DbOrTx, id: number) {
  const rows = await db.select().from(op).where(eq(op.id, id)).for("update");
  return rows[0];
}

export async function findProductByName(
  db: DbOrTx,
  key: { provinceCode: string; name: string; producerName: string },
) {
  const rows = await db
    .select({ id: op.id })
    .from(op)
    .where(
      and(
        eq(op.provinceCode, key.provinceCode),
        sql`lower(${op.name}) = lower(${key.name})`,
        sql`lower(${op.producerName}) = lower(${key.producerName})`,
      ),
    );
  return rows[0];
}

export async function insertProduct(db: DbOrTx, row: typeof op.$inferInsert) {
  const rows = await db.insert(op).values(row).returning();
  return rows[0] as OcopProductRow;
}

export async function updateProduct(
  db: DbOrTx,
  id: number,
  change: Partial<Pick<OcopProductRow, "communeCode" | "provinceCode" | "version">>,
) {
  await db.update(op).set(change).where(eq(op.id, id));
}

export async function findCertificates(db: DbOrTx, productIds: number[]) {
  if (productIds.length === 0) return [];
  return db
    .select()
    .from(oc)
    .where(inArray(oc.productId, productIds))
    .orderBy(asc(oc.decisionDate), asc(oc.id));
}

export async function insertCertificate(db: DbOrTx, row: typeof oc.$inferInsert) {
  const rows = await db.insert(oc).values(row).returning();
  return rows[0] as OcopCertificateRow;
}

export async function revokeCertificateRow(
  db: DbOrTx,
  id: number,
  change: { revokedOn: string; revokeReason: string; revokeDecision: string },
) {
  await db.update(oc).set(change).where(eq(oc.id, id));
}

export async function insertEvent(db: DbOrTx, row: typeof oe.$inferInsert) {
  await db.insert(oe).values(row);
}

export async function findEvents(db: DbOrTx, productId: number) {
  return db.select().from(oe).where(eq(oe.productId, productId)).orderBy(asc(oe.at), asc(oe.id));
}

/** Records the notice of a certificate; false when one was already recorded. */
export async function insertNotice(
  db: DbOrTx,
  row: { certificateId: number; sentOn: string; recipients: string[] },
) {
  const rows = await db
    .insert(on)
    .values(row)
    .onConflictDoNothing()
    .returning({ id: on.certificateId });
  return rows.length > 0;
}

export async function findNoticedCertificates(db: DbOrTx, ids: number[]) {
  if (ids.length === 0) return new Set<number>();
  const rows = await db
    .select({ id: on.certificateId })
    .from(on)
    .where(inArray(on.certificateId, ids));
  return new Set(rows.map((row) => row.id));
}

/** E-mail addresses of the active accounts that keep the registry of a province. */
export async function findKeeperAddresses(db: DbOrTx, provinceCode: string) {
  const result = (await db.execute(
    sql`select distinct n.email from users u
      join notification_contacts n on n.user_id = u.id
      where u.active and u.unit_code = ${provinceCode}
        and u.role in ('province_admin', 'coordination_office')
      order by n.email`,
  )) as unknown as { rows: { email: string }[] };
  return result.rows.map((row) => row.email);
}

const a = tables.assessments;
const av = tables.assessmentValues;

/** The provinces whose products make one registry, and the year of its first certificate. */
export interface RegistryScope {
  provinces: string[];
  /** Null while none of them holds a product: the registry is not in use. */
  firstYear: number | null;
}

/**
 * The registry a province keeps: its own products and those of the provinces it took over or that
 * took it over (the lineage of province units through a reorganisation), with the year of the
 * earliest certificate among them.
 */
export async function findRegistryScope(db: DbOrTx, provinceCode: string): Promise<RegistryScope> {
  const rows = await queryRows<{ provinces: string; first_year: number | null }>(
    db,
    sql`with recursive family(code) as (
          select ${provinceCode}::text
          union
          select case when l.successor_code = f.code then l.predecessor_code
                      else l.successor_code end
            from unit_successors l
            join family f on f.code in (l.successor_code, l.predecessor_code)
            join admin_units u on u.code = l.predecessor_code
             and u.valid_from = l.predecessor_valid_from and u.level = 'province'
        )
        select (select string_agg(code, ',' order by code) from family) as provinces,
               (select min(extract(year from c.decision_date))::int
                  from ocop_products p join ocop_certificates c on c.product_id = p.id
                 where p.province_code in (select code from family)) as first_year`,
  );
  const row = rows[0];
  return {
    provinces: (row?.provinces ?? provinceCode).split(","),
    firstYear: row?.first_year ?? null,
  };
}

export interface RegistryAssessment {
  unitCode: string;
  year: number;
  provinceCode: string;
  demo: boolean;
}

/** The assessments of the provinces' communes (by their province on 31/12 of the year). */
export async function findRegistryAssessments(
  db: DbOrTx,
  options: { provinceCodes: string[]; fromYear: number; toYear: number },
): Promise<RegistryAssessment[]> {
  if (options.provinceCodes.length === 0 || options.fromYear > options.toYear) return [];
  const rows = await db
    .select({ unitCode: a.unitCode, year: a.year, provinceCode: a.provinceCode, demo: a.demo })
    .from(a)
    .where(
      and(
        inArray(a.provinceCode, options.provinceCodes),
        sql`${a.year} between ${options.fromYear} and ${options.toYear}`,
      ),
    )
    .orderBy(asc(a.year), asc(a.unitCode));
  return rows.map((row) => ({ ...row, provinceCode: row.provinceCode ?? "" }));
}

export async function findStoredValues(
  db: DbOrTx,
  options: { unitCodes: string[]; year: number; indicatorCodes: string[] },
) {
  if (options.unitCodes.length === 0 || options.indicatorCodes.length === 0) return [];
  return db
    .select({
      unitCode: av.unitCode,
      indicatorCode: av.indicatorCode,
      numValue: av.numValue,
      boolValue: av.boolValue,
      note: av.note,
    })
    .from(av)
    .where(
      and(
        eq(av.year, options.year),
        inArray(av.unitCode, options.unitCodes),
        inArray(av.indicatorCode, options.indicatorCodes),
      ),
    );
}
