import type { Db } from "@ntm/db";
import { requestedLevelNames, type RequestedLevel } from "@ntm/domain";
import type {
  PublicCommuneCriteria,
  PublicCommunes,
  PublicCriteria,
  PublicDecisions,
  PublicTargets,
} from "@ntm/contracts";
import { systemUser } from "../auth/index.ts";
import { catalogGeneration, cachedSetById } from "../catalog/index.ts";
import { renderDossierDocument } from "../dossiers/index.ts";
import { getUnitTargets } from "../targets/index.ts";
import type { FileStorage } from "../../shared/storage/index.ts";
import { readStoredFile } from "../../shared/storage/read-stored-file.ts";
import {
  findCommunesOn,
  findCriterionStatuses,
  findDecisionScan,
  findGeneration,
  findProvincesOn,
  findRecognitions,
  findResults,
  type RecognitionRow,
} from "./publication.repository.ts";
import { assertPublished, notPublished } from "./published.ts";

type PublicLevel = PublicDecisions["decisions"][number]["level"];

interface YearAsked {
  provinceCode: string;
  year: number;
}

const levelOrder: readonly string[] = ["standard", "advanced", "model", "modern"];
const levelName = (level: string) => requestedLevelNames.commune[level as RequestedLevel] ?? level;

/** The communes of the province's area in the year, as they were on its 31 December. */
async function communesOf(db: Db, { provinceCode, year }: YearAsked) {
  const day = `${year}-12-31`;
  const provinces = await findProvincesOn(db, provinceCode, day);
  const communes = await findCommunesOn(
    db,
    provinces.map((province) => province.code),
    day,
  );
  return communes.sort(
    (a, b) => a.name.localeCompare(b.name, "vi") || a.code.localeCompare(b.code),
  );
}

const inForceAtEnd = (row: RecognitionRow, year: number) =>
  row.endedOn === null || row.endedOn > `${year}-12-31`;

/** The highest level in force on the year's last day, the latest decision for it. */
function recognitionAtEnd(rows: readonly RecognitionRow[], year: number) {
  let best: RecognitionRow | null = null;
  for (const row of rows) {
    if (!inForceAtEnd(row, year)) continue;
    if (
      !best ||
      levelOrder.indexOf(row.level) > levelOrder.indexOf(best.level) ||
      (row.level === best.level && row.decisionDate > best.decisionDate)
    ) {
      best = row;
    }
  }
  return best;
}

function byUnit<T extends { unitCode: string }>(rows: readonly T[]) {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.unitCode) ?? [];
    list.push(row);
    map.set(row.unitCode, list);
  }
  return map;
}

/** The communes with the level recognised on the year's last day and the year of recognition. */
export async function listPublicCommunes(db: Db, asked: YearAsked): Promise<PublicCommunes> {
  await assertPublished(db, asked.provinceCode, asked.year, "communes");
  const communes = await communesOf(db, asked);
  const recognitions = byUnit(
    await findRecognitions(
      db,
      communes.map((c) => c.code),
      `${asked.year}-01-01`,
      `${asked.year}-12-31`,
    ),
  );
  const held = communes.map((commune) =>
    recognitionAtEnd(recognitions.get(commune.code) ?? [], asked.year),
  );
  return {
    year: asked.year,
    demo: held.some((row) => row?.demo),
    communes: communes.map((commune, i) => {
      const row = held[i];
      return {
        code: commune.code,
        name: commune.name,
        recognition: row
          ? {
              level: row.level as PublicLevel,
              levelName: levelName(row.level),
              year: row.year,
              decisionNumber: row.decisionNumber,
              decisionDate: row.decisionDate,
            }
          : null,
      };
    }),
  };
}

/** Criteria met by each commune of the year, from the stored results. */
export async function listPublicCriteria(db: Db, asked: YearAsked): Promise<PublicCriteria> {
  await assertPublished(db, asked.provinceCode, asked.year, "criteria");
  const communes = await communesOf(db, asked);
  const results = new Map(
    (
      await findResults(
        db,
        communes.map((c) => c.code),
        asked.year,
      )
    ).map((row) => [row.unitCode, row]),
  );
  const withResults = communes.filter((commune) => results.has(commune.code));
  return {
    year: asked.year,
    demo: withResults.some((commune) => results.get(commune.code)?.demo),
    communes: withResults.map((commune) => {
      const result = results.get(commune.code) as NonNullable<ReturnType<typeof results.get>>;
      return {
        code: commune.code,
        name: commune.name,
        criteriaMet: result.criteriaMet,
        criteriaTotal: result.criteriaTotal,
      };
    }),
  };
}

/** One commune's criteria, met or not, in the year. */
export async function getPublicCommuneCriteria(
  db: Db,
  asked: YearAsked & { communeCode: string },
): Promise<PublicCommuneCriteria> {
  await assertPublished(db, asked.provinceCode, asked.year, "criteria");
  const commune = (await communesOf(db, asked)).find((c) => c.code === asked.communeCode);
  if (!commune) throw notPublished();
  const [result] = await findResults(db, [commune.code], asked.year);
  if (!result) throw notPublished();
  const set = await cachedSetById(db, await findGeneration(db, catalogGeneration), result.setId);
  if (!set) throw notPublished();
  const statuses = new Map(
    (await findCriterionStatuses(db, commune.code, asked.year)).map((row) => [
      row.code,
      row.status,
    ]),
  );
  return {
    year: asked.year,
    demo: result.demo,
    code: commune.code,
    name: commune.name,
    setName: set.definition.name,
    criteriaMet: result.criteriaMet,
    criteriaTotal: result.criteriaTotal,
    criteria: set.definition.criteria.map((criterion) => {
      const status = statuses.get(criterion.code);
      return {
        code: criterion.code,
        name: criterion.name,
        status: status === "met" || status === "not_met" ? status : "missing",
      };
    }),
  };
}

const pdfUrl = (asked: YearAsked, dossierId: number | null) =>
  dossierId === null
    ? null
    : `/api/public/provinces/${asked.provinceCode}/years/${asked.year}/decisions/${dossierId}/pdf`;

/** The recognition decisions in force at the year's end, and those revoked during it. */
async function decisionsOf(db: Db, asked: YearAsked) {
  const communes = await communesOf(db, asked);
  const names = new Map(communes.map((c) => [c.code, c.name]));
  const rows = await findRecognitions(
    db,
    [...names.keys()],
    `${asked.year}-01-01`,
    `${asked.year}-12-31`,
  );
  const decisions: (PublicDecisions["decisions"][number] & { dossierId: number | null })[] = [];
  for (const row of rows) {
    const base = {
      unitCode: row.unitCode,
      unitName: names.get(row.unitCode) ?? row.unitCode,
      level: row.level as PublicLevel,
      levelName: levelName(row.level),
    };
    if (inForceAtEnd(row, asked.year) || row.decisionDate >= `${asked.year}-01-01`) {
      decisions.push({
        ...base,
        kind: "recognition",
        decisionNumber: row.decisionNumber,
        decisionDate: row.decisionDate,
        dossierId: row.dossierId,
        pdfUrl: pdfUrl(asked, row.dossierId),
      });
    }
    if (row.endReason === "revoked" && row.endedOn && row.endedOn.startsWith(`${asked.year}-`)) {
      decisions.push({
        ...base,
        kind: "revocation",
        decisionNumber: row.revokedByDecision ?? "",
        decisionDate: row.endedOn,
        dossierId: row.revocationDossierId,
        pdfUrl: pdfUrl(asked, row.revocationDossierId),
      });
    }
  }
  return { decisions, demo: rows.some((row) => row.demo) };
}

export async function listPublicDecisions(db: Db, asked: YearAsked): Promise<PublicDecisions> {
  await assertPublished(db, asked.provinceCode, asked.year, "decisions");
  const { decisions, demo } = await decisionsOf(db, asked);
  return {
    year: asked.year,
    demo,
    decisions: decisions
      .sort(
        (a, b) =>
          b.decisionDate.localeCompare(a.decisionDate) ||
          a.unitName.localeCompare(b.unitName, "vi"),
      )
      .map(({ dossierId: _dossierId, ...decision }) => decision),
  };
}

/**
 * A published decision as PDF: the signed scan its dossier's decision step holds, otherwise the
 * decision drawn from what the dossier recorded (number, date, signer).
 */
export async function getPublicDecisionPdf(
  db: Db,
  asked: YearAsked & { dossierId: number; storage: FileStorage; now: Date },
) {
  await assertPublished(db, asked.provinceCode, asked.year, "decisions");
  const { decisions } = await decisionsOf(db, asked);
  const decision = decisions.find((d) => d.dossierId === asked.dossierId);
  if (!decision) throw notPublished();
  const step = decision.kind === "revocation" ? "revocation_decision" : "decision";
  const scan = await findDecisionScan(db, asked.dossierId, step);
  const { storage, now } = asked;
  return {
    fileName: `Quyết định ${decision.decisionNumber.replace(/[/\\]/g, "-")}.pdf`,
    /** The decision's record and the scan's stored key: what the file is made from. */
    version: [decision, scan?.storageKey ?? null],
    content: async () =>
      scan
        ? readStoredFile(storage, scan.storageKey)
        : (
            await renderDossierDocument(db, {
              user: systemUser,
              id: asked.dossierId,
              kind: decision.kind === "revocation" ? "quyet-dinh-thu-hoi" : "du-thao-quyet-dinh",
              format: "pdf",
              now,
            })
          ).content,
  };
}

/** The province's targets with their status as of the year. */
export async function listPublicTargets(
  db: Db,
  asked: YearAsked & { now: Date },
): Promise<PublicTargets> {
  await assertPublished(db, asked.provinceCode, asked.year, "targets");
  const provinces = await findProvincesOn(db, asked.provinceCode, `${asked.year}-12-31`);
  const targets: PublicTargets["targets"] = [];
  let demo = false;
  for (const province of provinces) {
    const answer = await getUnitTargets(db, {
      user: systemUser,
      code: province.code,
      year: asked.year,
      now: asked.now,
    });
    for (const { target, progress } of answer.targets) {
      if (target.demo) demo = true;
      targets.push({
        id: target.id,
        unitName: target.unitName,
        name: target.name,
        requirement: target.requirement,
        deadlineYear: target.deadlineYear,
        status: progress.status,
        statusName: progress.statusName,
        actual: progress.actual,
        target: progress.target,
        unit: progress.unit,
      });
    }
  }
  return { year: asked.year, demo, targets };
}
