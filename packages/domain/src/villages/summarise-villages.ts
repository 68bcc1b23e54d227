/** One village as the roll-up reads it: its commune, its stored result and its recognition. */
export interface VillageRollupRow {
  communeCode: string;
  /** The stored evaluation reached the set's first level. */
  meets: boolean;
  /** Recognised by the commune and not revoked. */
  recognised: boolean;
}

export interface VillageCounts {
  villages: number;
  meeting: number;
  recognised: number;
  /** Recognised villages in % of the villages, one decimal; null when there are none. */
  recognisedShare: number | null;
}

const share = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;

/** Counts villages meeting and recognised under a set, in total and per commune. */
export function summariseVillages(rows: readonly VillageRollupRow[]): {
  total: VillageCounts;
  byCommune: Map<string, VillageCounts>;
} {
  const count = (list: readonly VillageRollupRow[]): VillageCounts => {
    const recognised = list.filter((row) => row.recognised).length;
    return {
      villages: list.length,
      meeting: list.filter((row) => row.meets).length,
      recognised,
      recognisedShare: share(recognised, list.length),
    };
  };
  const groups = new Map<string, VillageRollupRow[]>();
  for (const row of rows) {
    const list = groups.get(row.communeCode) ?? [];
    list.push(row);
    groups.set(row.communeCode, list);
  }
  return {
    total: count(rows),
    byCommune: new Map([...groups].map(([code, list]) => [code, count(list)])),
  };
}
