/**
 * What a province makes public on its page for residents, year by year. Nothing is public until
 * the province says so; a kind published for one year says nothing about another.
 */
export const publicationKinds = [
  "communes",
  "decisions",
  "criteria",
  "targets",
  "postings",
] as const;
export type PublicationKind = (typeof publicationKinds)[number];

export const publicationKindNames: Record<PublicationKind, string> = {
  communes: "Xã đạt chuẩn: mức đạt và năm công nhận",
  decisions: "Quyết định công nhận, thu hồi (bản PDF)",
  criteria: "Số tiêu chí đạt của từng xã",
  targets: "Mục tiêu của tỉnh và tiến độ",
  postings: "Hồ sơ đang công khai lấy ý kiến người dân",
};

/** The kinds published for each year; a year absent publishes nothing. */
export interface PublicationEntry {
  year: number;
  kinds: readonly PublicationKind[];
}

/** The first year of the programme's 2021–2025 period: nothing earlier is kept. */
export const firstPublicationYear = 2021;

export function isPublished(
  entries: readonly PublicationEntry[],
  year: number,
  kind: PublicationKind,
): boolean {
  return entries.some((entry) => entry.year === year && entry.kinds.includes(kind));
}

/** The years with at least one kind published, latest first. */
export function publishedYears(entries: readonly PublicationEntry[]): number[] {
  return entries
    .filter((entry) => entry.kinds.length > 0)
    .map((entry) => entry.year)
    .sort((a, b) => b - a);
}

/**
 * The entries as stored: one per year, years in order, kinds in the list's order, years without a
 * kind dropped. Refuses a year before the programme or after the current one, with the reason.
 */
export function normalisePublication(
  entries: readonly PublicationEntry[],
  currentYear: number,
): { entries: PublicationEntry[] } | { problem: string; year: number } {
  const byYear = new Map<number, Set<PublicationKind>>();
  for (const entry of entries) {
    if (entry.year < firstPublicationYear || entry.year > currentYear) {
      return {
        problem: `Năm ${entry.year} nằm ngoài khoảng được công khai (${firstPublicationYear}–${currentYear}).`,
        year: entry.year,
      };
    }
    const kinds = byYear.get(entry.year) ?? new Set<PublicationKind>();
    for (const kind of entry.kinds) kinds.add(kind);
    byYear.set(entry.year, kinds);
  }
  return {
    entries: [...byYear]
      .filter(([, kinds]) => kinds.size > 0)
      .sort(([a], [b]) => a - b)
      .map(([year, kinds]) => ({
        year,
        kinds: publicationKinds.filter((kind) => kinds.has(kind)),
      })),
  };
}
