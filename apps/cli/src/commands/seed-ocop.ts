import { registerProduct, revokeProduct, systemUser } from "@ntm/api";
import type { OcopProductInput } from "@ntm/contracts";
import type { Database } from "@ntm/db";
import { sql } from "drizzle-orm";

type Certificate = OcopProductInput["certificate"];

const province = (stars: number, decisionDate: string, scores: Certificate["scores"]) => ({
  scores,
  stars,
  decisionNumber: `${decisionDate.slice(5, 7)}${decisionDate.slice(8)}/QĐ-UBND (minh họa)`,
  decisionDate,
  issuer: "UBND tỉnh (dữ liệu minh họa)",
  issuerLevel: "province" as const,
});

/** The demo products: a certificate of 2023 ending soon, one expired, one revoked, a 5-star. */
const products: {
  name: string;
  producerKind: OcopProductInput["producerKind"];
  producerName: string;
  groupCode: OcopProductInput["groupCode"];
  certificate: Certificate;
  revoke?: { revokedOn: string; reason: string };
}[] = [
  {
    name: "Mật ong rừng",
    producerKind: "cooperative",
    producerName: "HTX Nông nghiệp Đăk Pék (minh họa)",
    groupCode: "food",
    certificate: province(3, "2023-12-20", { A: 28, B: 15, C: 20 }),
  },
  {
    name: "Sâm dây Ngọc Linh",
    producerKind: "enterprise",
    producerName: "Công ty TNHH Dược liệu Tu Mơ Rông (minh họa)",
    groupCode: "herbal",
    certificate: province(4, "2024-05-10", { A: 33, B: 19, C: 27 }),
  },
  {
    name: "Cà phê rang xay",
    producerKind: "household",
    producerName: "Hộ kinh doanh Y Blúp (minh họa)",
    groupCode: "beverage",
    certificate: province(4, "2023-03-15", { A: 30, B: 18, C: 26 }),
  },
  {
    name: "Rượu cần truyền thống",
    producerKind: "cooperative_group",
    producerName: "Tổ hợp tác Rượu cần Đăk Glei (minh họa)",
    groupCode: "beverage",
    certificate: province(3, "2024-09-01", { A: 27, B: 14, C: 21 }),
    revoke: { revokedOn: "2025-06-01", reason: "Không duy trì điều kiện an toàn thực phẩm" },
  },
  {
    name: "Thổ cẩm dệt tay",
    producerKind: "cooperative",
    producerName: "HTX Dệt thổ cẩm Kon Tum (minh họa)",
    groupCode: "handicraft",
    certificate: province(3, "2025-03-20", { A: 30, B: 15, C: 18 }),
  },
];

/**
 * The OCOP products of the demo, marked "dữ liệu minh họa": in the officer's commune and the
 * next rural communes of the province in force on 31/12/2024, found by the seed's own data (not
 * fixed codes, so the same seed works for any demo province). Registered as of 2025-06-30 so the
 * certificates of 2023 and 2024 are valid when entered; returns how many were registered.
 */
export async function seedOcop(
  database: Database,
  options: { provinceCode: string; commune: string },
): Promise<number> {
  const db = database.db;
  const result = (await db.execute(sql`
    with recursive tree(code) as (
      select code from admin_units where code = ${options.provinceCode}
      union
      select u.code from admin_units u join tree t on u.parent_code = t.code
        where u.valid_from <= '2024-12-31' and (u.valid_to is null or u.valid_to >= '2024-12-31')
    )
    select a.code from admin_units a join tree t on t.code = a.code
      where a.level = 'commune' and a.assessed
        and a.valid_from <= '2023-01-01' and (a.valid_to is null or a.valid_to >= '2024-12-31')
      order by (a.code = ${options.commune}) desc, a.code
      limit ${products.length}`)) as unknown as { rows: { code: string }[] };
  const communes = result.rows.map((row) => row.code);
  if (communes.length === 0) return 0;
  const now = new Date("2025-06-30T03:00:00Z");
  let count = 0;
  for (const [index, product] of products.entries()) {
    const { revoke, ...input } = product;
    const registered = await registerProduct(db, {
      user: systemUser,
      input: {
        ...input,
        producerEmail: null,
        communeCode: communes[index % communes.length] as string,
      },
      now,
      demo: true,
    });
    if (revoke) {
      await revokeProduct(db, {
        user: systemUser,
        id: registered.id,
        input: { version: registered.version, decisionNumber: "15/QĐ-UBND (minh họa)", ...revoke },
        now,
      });
    }
    count += 1;
  }
  return count;
}
