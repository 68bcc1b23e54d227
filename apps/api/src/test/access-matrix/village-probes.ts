import type { Role } from "@ntm/domain";
import { systemUser } from "../../features/auth/index.ts";
import { importCatalog } from "../../features/catalog/catalog.service.ts";
import {
  getVillageScorecard,
  writeVillageValues,
} from "../../features/villages/village-assessment.service.ts";
import { villageSetFixture } from "../../features/villages/village-set-fixture.ts";
import { createVillage } from "../../features/villages/villages.service.ts";
import { fixedNow } from "../test-app.ts";
import type { Probe } from "./probes.ts";
import { pdfUpload, units, year, type World } from "./world.ts";

type VillageAction =
  "village.manage" | "village.values.write" | "village.evidence.write" | "village.recognise";

const prepared = new WeakMap<World, Map<string, Promise<string>>>();

/**
 * A village of the side's commune meeting its province's village set in 2024, made by the system
 * once per purpose (values, recognition), so each probe starts from a state its action accepts.
 */
function villageOf(world: World, side: string, purpose: string): Promise<string> {
  const cache = prepared.get(world) ?? new Map<string, Promise<string>>();
  prepared.set(world, cache);
  const key = `${side}:${purpose}`;
  const existing = cache.get(key);
  if (existing) return existing;
  const made = (async () => {
    const db = world.t.database.db;
    const names = side === "outside" ? world.outside : world.inside;
    const setsKey = `${side}:set`;
    if (!cache.has(setsKey)) {
      cache.set(
        setsKey,
        importCatalog(db, {
          document: villageSetFixture({ provinceCode: names.province }),
          by: systemUser,
          now: fixedNow,
        }).then(() => ""),
      );
    }
    await cache.get(setsKey);
    const village = await createVillage(db, {
      user: systemUser,
      communeCode: names.commune,
      input: { name: `Thôn ${world.fresh("Ma")}`, validFrom: "2023-01-01", basis: "Nghị quyết 1" },
    });
    await writeVillageValues(
      db,
      {
        user: systemUser,
        code: village.code,
        setCode: setCodeOf(world, side),
        year,
        input: {
          version: 0,
          values: [
            { indicatorCode: "1.1", value: 80 },
            { indicatorCode: "2.1", value: true },
          ],
        },
      },
      fixedNow,
    );
    return village.code;
  })();
  cache.set(key, made);
  return made;
}

const sideNames = (world: World, side: string) =>
  side === "outside" ? world.outside : world.inside;
const setCodeOf = (world: World, side: string) =>
  `${sideNames(world, side).province.toLowerCase()}-thon-ntm`;

/** A village as the policy sees it: the village, then its commune and the units above. */
const villageResource = (world: World, side: string, code: string) => {
  const commune = units[sideNames(world, side).commune]!;
  return { unitCode: code, path: [code, ...commune.path] };
};

export const villageProbes: { [A in VillageAction]: Probe<A> } = {
  "village.manage": {
    sides: ["inside", "outside"],
    prepare: async (world, _role, side) => {
      const commune = sideNames(world, side).commune;
      return {
        resource: [units[commune]!],
        request: {
          method: "POST",
          url: `/api/communes/${commune}/villages`,
          payload: {
            name: `Thôn ${world.fresh("Thử")}`,
            validFrom: "2024-01-01",
            basis: "Nghị quyết 05/NQ-HĐND",
          },
        },
      };
    },
  },
  "village.values.write": {
    sides: ["inside", "outside"],
    prepare: async (world, _role: Role, side) => {
      const code = await villageOf(world, side, "values");
      const setCode = setCodeOf(world, side);
      const card = await getVillageScorecard(world.t.database.db, {
        user: systemUser,
        code,
        setCode,
        year,
      });
      return {
        resource: [villageResource(world, side, code)],
        request: {
          method: "PUT",
          url: `/api/villages/${code}/sets/${setCode}/assessments/${year}/values`,
          payload: {
            version: card.version,
            values: [{ indicatorCode: "1.1", value: 70 + card.version }],
          },
        },
      };
    },
  },
  "village.evidence.write": {
    sides: ["inside", "outside"],
    prepare: async (world, _role, side) => {
      const code = await villageOf(world, side, "values");
      return {
        resource: [villageResource(world, side, code)],
        request: {
          method: "POST",
          url: `/api/villages/${code}/sets/${setCodeOf(world, side)}/assessments/${year}/evidence`,
          ...pdfUpload({ indicatorCode: "2.1" }),
        },
      };
    },
  },
  "village.recognise": {
    sides: ["inside", "outside"],
    prepare: async (world, role, side) => {
      const code = await villageOf(world, side, `recognition ${role}`);
      return {
        resource: [villageResource(world, side, code)],
        request: {
          method: "POST",
          url: `/api/villages/${code}/recognitions/${setCodeOf(world, side)}`,
          payload: {
            type: "self_assess",
            year,
            reportNumber: "01/BC-BPT",
            reportDate: "2024-06-01",
          },
        },
      };
    },
  },
};
