import type { UnitImportRow } from "@ntm/contracts";
import type { UnitFlag } from "@ntm/domain";
import { isRuralCommune } from "./load-vietnam-units.ts";
import { hashText, mixSeed, mulberry32 } from "./prng.ts";

export type ProgressTier = "model" | "advanced" | "standard" | "rising" | "middle" | "lagging";

/** The latent story of one commune over the demo years. */
export interface ProgressProfile {
  tier: ProgressTier;
  /** First demo year; `start` and `gain` count from it. */
  startYear: number;
  /** Year from which the commune holds each level, by position in the set's levels. */
  levelFrom: number[];
  /** Share of the set's criteria met in `startYear` while below the first level (0–1). */
  start: number;
  /** Share of the set's criteria gained per year while below the first level. */
  gain: number;
  /** A year in which the commune slips back one step, then recovers. */
  setbackYear?: number;
}

/** What the generator aims at for a commune and year. */
export interface PlannedOutcome {
  /** Position in the set's levels of the highest level held, -1 for none. */
  levelIndex: number;
  /** Criteria met at the first level. */
  criteriaMet: number;
}

/**
 * The outcome a profile plans for a year, for a set of `criteriaTotal` criteria. A set with no
 * threshold for a unit's class or year can keep the real result below it.
 */
export function plannedOutcome(
  profile: ProgressProfile,
  year: number,
  criteriaTotal: number,
): PlannedOutcome {
  const trend = (at: number) =>
    Math.min(
      criteriaTotal - 1,
      Math.max(
        0,
        Math.round((profile.start + profile.gain * (at - profile.startYear)) * criteriaTotal),
      ),
    );
  let held = 0;
  while (held < profile.levelFrom.length && (profile.levelFrom[held] ?? Infinity) <= year) held++;
  const levelIndex = held - 1;
  if (profile.setbackYear === year) {
    if (levelIndex >= 0) {
      return {
        levelIndex: levelIndex - 1,
        criteriaMet: levelIndex > 0 ? criteriaTotal : criteriaTotal - 1,
      };
    }
    return { levelIndex: -1, criteriaMet: Math.max(0, trend(year - 1) - 1) };
  }
  return { levelIndex, criteriaMet: levelIndex >= 0 ? criteriaTotal : trend(year) };
}

function hardshipOf(flags: readonly UnitFlag[]): number {
  let hardship = 0;
  if (flags.includes("ethnicZoneIII")) hardship += 0.55;
  else if (flags.includes("ethnicZoneII")) hardship += 0.3;
  else if (flags.includes("ethnicZoneI")) hardship += 0.1;
  if (flags.includes("especiallyDisadvantaged")) hardship += 0.25;
  if (flags.includes("poorDistrict")) hardship += 0.15;
  if (flags.includes("safeZone")) hardship += 0.05;
  return Math.min(1, hardship);
}

interface Ranked {
  row: UnitImportRow;
  hardship: number;
  /** Hardship with a little noise, so that equal communes are ordered by the seed. */
  key: number;
}

// Shares are of the set's criteria: with 19, lagging communes start at 5–9 and gain 1–2 a year,
// middle ones start at 10–17 and gain 0.5–1.7, rising ones start at 15–17.
function profileFor(
  tier: ProgressTier,
  commune: Ranked,
  years: readonly number[],
  seed: number,
  reachYear = years.at(-1) ?? 0,
): ProgressProfile {
  const random = mulberry32(mixSeed(seed, hashText(commune.row.code), 1));
  const first = years[0] ?? 0;
  const last = years.at(-1) ?? first;
  const middleYear = years[Math.floor((years.length - 1) / 2)] ?? first;
  const laterYear = years[1 + Math.floor(random() * (years.length - 1))];
  const setback = random() < 0.12 ? laterYear : undefined;
  const held = { startYear: first, start: 1, gain: 0 };
  switch (tier) {
    case "model":
      return { tier, ...held, levelFrom: [first - 1, middleYear, last] };
    case "advanced":
      return {
        tier,
        ...held,
        levelFrom: [first - 1, [first, middleYear, last][Math.floor(random() * 3)] ?? last],
      };
    case "standard":
      // Recognised before the new set; some slip in its first year (seed 000: "keep 19/19 by 2023").
      return {
        tier,
        ...held,
        levelFrom: [first - 1],
        ...(years.length > 1 && random() < 0.2 ? { setbackYear: first } : {}),
      };
    case "rising":
      return {
        tier,
        startYear: first,
        levelFrom: [reachYear],
        start: 0.78 + 0.1 * random(),
        gain: 0.05,
      };
    case "lagging":
      return {
        tier,
        startYear: first,
        levelFrom: [],
        start: 0.26 + 0.21 * random(),
        gain: 0.05 + 0.07 * random(),
        ...(setback !== undefined ? { setbackYear: setback } : {}),
      };
    case "middle": {
      const start = 0.8 - 0.25 * commune.hardship + (random() - 0.5) * 0.14;
      return {
        tier,
        startYear: first,
        levelFrom: [],
        start: Math.min(0.9, Math.max(0.53, start)),
        gain: 0.03 + 0.06 * random(),
        ...(setback !== undefined ? { setbackYear: setback } : {}),
      };
    }
  }
}

/**
 * Gives every rural commune a latent progress profile. Within a district, the hardest communes
 * (by ethnic zone and disadvantage flags, with seeded noise) lag below half the criteria, the
 * easiest were recognised before the first year, a few more reach the first level during the
 * years (at least one in a district that had none, as seed 000 asks of Tu Mơ Rông), the rest sit
 * in the middle. Within a province about 5 % of the recognised communes become model communes and
 * 15 % advanced ones.
 */
export function assignProfiles(options: {
  units: readonly UnitImportRow[];
  years: readonly number[];
  seed: number;
}): Map<string, ProgressProfile> {
  const { units, seed } = options;
  const years = [...options.years].sort((a, b) => a - b);
  const last = years.at(-1) ?? 0;
  const provinceOf = new Map(
    units.filter((row) => row.level === "district").map((row) => [row.code, row.parentCode ?? ""]),
  );
  const byDistrict = new Map<string, Ranked[]>();
  for (const row of units) {
    if (!isRuralCommune(row)) continue;
    const random = mulberry32(mixSeed(seed, hashText(row.code), 2));
    const hardship = hardshipOf(row.flags);
    const ranked = { row, hardship, key: hardship + 0.15 * random() };
    const district = row.parentCode ?? "";
    byDistrict.set(district, [...(byDistrict.get(district) ?? []), ranked]);
  }

  const profiles = new Map<string, ProgressProfile>();
  const recognisedByProvince = new Map<string, Ranked[]>();
  const draw = (key: string) => mulberry32(mixSeed(seed, hashText(key), 3))();
  for (const [district, communes] of [...byDistrict].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const n = communes.length;
    const meanHardship = communes.reduce((sum, c) => sum + c.hardship, 0) / n;
    const hardestFirst = [...communes].sort((a, b) => b.key - a.key);
    const lagging = Math.round(n * Math.min(0.55, Math.max(0, 1.2 * (meanHardship - 0.45))));
    const recognised = Math.round(n * 0.55 * (1 - meanHardship) ** 1.5);
    const rising = Math.max(
      Math.round(n * 0.2 * (1 - meanHardship)),
      recognised === 0 && n >= 3 ? 1 : 0,
    );
    const easiestFirst = hardestFirst.slice(lagging).reverse();
    for (const commune of hardestFirst.slice(0, lagging)) {
      profiles.set(commune.row.code, profileFor("lagging", commune, years, seed));
    }
    const province = provinceOf.get(district) ?? "";
    const recognisedHere = easiestFirst.slice(0, recognised);
    recognisedByProvince.set(province, [
      ...(recognisedByProvince.get(province) ?? []),
      ...recognisedHere,
    ]);
    for (const commune of easiestFirst.slice(recognised, recognised + rising)) {
      const laterYears = years.slice(1);
      const reachYear =
        recognised === 0 || laterYears.length === 0
          ? last
          : (laterYears[Math.floor(draw(commune.row.code) * laterYears.length)] ?? last);
      profiles.set(commune.row.code, profileFor("rising", commune, years, seed, reachYear));
    }
    for (const commune of easiestFirst.slice(recognised + rising)) {
      profiles.set(commune.row.code, profileFor("middle", commune, years, seed));
    }
  }
  for (const communes of recognisedByProvince.values()) {
    const easiestFirst = [...communes].sort((a, b) => a.key - b.key);
    const model = Math.round(0.05 * communes.length);
    const advanced = Math.round(0.15 * communes.length);
    easiestFirst.forEach((commune, index) => {
      const tier: ProgressTier =
        index < model ? "model" : index < model + advanced ? "advanced" : "standard";
      profiles.set(commune.row.code, profileFor(tier, commune, years, seed));
    });
  }
  return profiles;
}
