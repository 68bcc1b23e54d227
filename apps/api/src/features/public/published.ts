import type { Db } from "@ntm/db";
import { isPublished, publishedYears, type PublicationKind } from "@ntm/domain";
import type { PublicProvince, PublicProvinceList } from "@ntm/contracts";
import { notFound } from "../../http/app-error.ts";
import { findProvinceNames, findPublication, findPublications } from "./publication.repository.ts";

/**
 * The one answer to anything not published: the same 404 whether the province, the year or the
 * kind is missing, so that an anonymous caller learns nothing of what exists.
 */
export const notPublished = () =>
  notFound(
    "Không có dữ liệu công khai này. Tỉnh chưa công bố hoặc địa chỉ không đúng.",
    "No such public data. The province has not published it, or the address is wrong.",
  );

/** Throws the 404 unless the province has published this kind for this year. */
export async function assertPublished(
  db: Db,
  provinceCode: string,
  year: number,
  kind: PublicationKind,
): Promise<void> {
  const stored = await findPublication(db, provinceCode);
  if (!stored || !isPublished(stored.entries, year, kind)) throw notPublished();
}

/** The provinces with something public, by name. */
export async function listPublicProvinces(db: Db): Promise<PublicProvinceList> {
  const stored = (await findPublications(db)).filter(
    ({ publication }) => publishedYears(publication.entries).length > 0,
  );
  const names = await findProvinceNames(
    db,
    stored.map((row) => row.provinceCode),
  );
  return {
    provinces: stored
      .filter((row) => names.has(row.provinceCode))
      .map((row) => ({
        code: row.provinceCode,
        name: names.get(row.provinceCode) as string,
        years: publishedYears(row.publication.entries),
      }))
      .sort((a, b) => a.name.localeCompare(b.name, "vi")),
  };
}

/** A province's page: its name and the kinds published for each year, latest year first. */
export async function getPublicProvince(db: Db, provinceCode: string): Promise<PublicProvince> {
  const stored = await findPublication(db, provinceCode);
  const years = stored ? publishedYears(stored.entries) : [];
  const name = (await findProvinceNames(db, [provinceCode])).get(provinceCode);
  if (!stored || years.length === 0 || !name) throw notPublished();
  return {
    code: provinceCode,
    name,
    years: years.map((year) => ({
      year,
      kinds: [...(stored.entries.find((entry) => entry.year === year)?.kinds ?? [])],
    })),
  };
}
