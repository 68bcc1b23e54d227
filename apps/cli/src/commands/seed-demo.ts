import { readFile, readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import {
  createUser,
  findDemoInfo,
  getSets,
  importCatalog,
  importUnits,
  insertDepartment,
  saveDemoInfo,
  selectSetFor,
  systemUser,
  writeValuesBulk,
  type DemoInfo,
} from "@ntm/api";
import type { Database } from "@ntm/db";
import { matchesSearch, roleNames, type Role } from "@ntm/domain";
import { sql } from "drizzle-orm";
import { buildDemoUnits, DEMO_PROVINCE_CODE } from "../demo/build-demo-province.ts";
import { generateDemoValues } from "../demo/generate-demo-values.ts";
import { isRuralCommune } from "../demo/load-vietnam-units.ts";
import { demoYear2026, seed2026Values } from "./seed-2026-values.ts";
import { seedDossiers } from "./seed-dossiers.ts";
import { seedBoundaries, seedTargets } from "./seed-targets.ts";
import { seedReports } from "./seed-reports.ts";

export const demoPassword = "demo1234";
export const demoYears = [2022, 2023, 2024];
const demoSeed = 20241;

const dataFolder = fileURLToPath(new URL("../../../../data", import.meta.url));

export async function loadRegionOf(): Promise<(provinceCode: string) => string | undefined> {
  const file = JSON.parse(
    await readFile(join(dataFolder, "regions", "province-regions.json"), "utf8"),
  ) as {
    provinces: { code: string; region: string }[];
  };
  const regions = new Map(file.provinces.map((province) => [province.code, province.region]));
  return (provinceCode) => regions.get(provinceCode);
}

/** National sets first, then their amendments, provincial overrides last (they need their base). */
async function catalogFiles(): Promise<string[]> {
  const folder = join(dataFolder, "criteria");
  const names = (await readdir(folder)).filter((name) => name.endsWith(".json")).sort();
  const rank = (name: string) =>
    name.includes("override") ? 2 : name.includes(".amendment-") ? 1 : 0;
  return [...names]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((name) => join(folder, name));
}

/** Departments in charge of criteria, as a provincial decision assigns them (illustrative). */
const demoDepartments = [
  { code: "so-xd", name: "Sở Xây dựng", criteria: ["1", "9"] },
  { code: "so-gtvt", name: "Sở Giao thông vận tải", criteria: ["2"] },
  { code: "so-nnmt", name: "Sở Nông nghiệp và Môi trường", criteria: ["3", "10", "13", "17"] },
  { code: "so-ct", name: "Sở Công Thương", criteria: ["4", "7"] },
  { code: "so-gddt", name: "Sở Giáo dục và Đào tạo", criteria: ["5", "14"] },
  { code: "so-vhttdl", name: "Sở Văn hóa, Thể thao và Du lịch", criteria: ["6", "16"] },
  { code: "so-ttt", name: "Sở Thông tin và Truyền thông", criteria: ["8"] },
  { code: "so-ldtbxh", name: "Sở Lao động - Thương binh và Xã hội", criteria: ["11", "12"] },
  { code: "so-yt", name: "Sở Y tế", criteria: ["15"] },
  { code: "so-nv", name: "Sở Nội vụ", criteria: ["18"] },
  { code: "bchqs", name: "Bộ Chỉ huy Quân sự tỉnh và Công an tỉnh", criteria: ["19"] },
];

async function hasData(database: Database): Promise<boolean> {
  const result = (await database.db.execute(
    sql`select count(*)::int as n from admin_units`,
  )) as unknown as {
    rows: { n: number }[];
  };
  return (result.rows[0]?.n ?? 0) > 0;
}

/**
 * Seeds the demo province: its real units (Kon Tum, pre-2025 hierarchy), the criteria sets,
 * departments, one account per role and three years of generated values ("dữ liệu minh họa").
 */
export async function seedDemo(
  database: Database,
  options: { ifEmpty: boolean; provinceCode?: string; log?: (line: string) => void },
): Promise<DemoInfo | undefined> {
  const log = options.log ?? ((line: string) => console.log(line));
  const db = database.db;
  if (options.ifEmpty && ((await findDemoInfo(db)) || (await hasData(database)))) {
    log("Cơ sở dữ liệu đã có dữ liệu; bỏ qua dữ liệu minh họa.");
    return findDemoInfo(db);
  }
  const now = new Date();
  const provinceCode = options.provinceCode ?? DEMO_PROVINCE_CODE;
  const regionOf = await loadRegionOf();
  const units = await buildDemoUnits({ provinceCode, regionOf, seed: demoSeed });
  const rows = units.map((row) =>
    row.level === "commune" ? { ...row, assessed: isRuralCommune(row) } : row,
  );
  await importUnits(db, { rows, user: systemUser });
  log(`Đã nhập ${rows.length} đơn vị hành chính.`);

  for (const file of await catalogFiles()) {
    const document = JSON.parse(await readFile(file, "utf8")) as unknown;
    const result = await importCatalog(db, { document, by: systemUser, now });
    log(`Đã nhập bộ tiêu chí ${result.set.code} v${result.set.version}.`);
  }

  const setCodes = [
    ...new Set(
      (await getSets(db, systemUser))
        .filter((set) => set.fromYear <= 2025 && set.toYear >= 2021)
        .map((set) => set.code),
    ),
  ];
  for (const department of demoDepartments) {
    await insertDepartment(db, {
      code: department.code,
      name: department.name,
      provinceCode,
      criteria: setCodes.flatMap((setCode) =>
        department.criteria.map((criterion) => `${setCode}:${criterion}`),
      ),
    });
  }

  const province = rows.find((row) => row.level === "province");
  const district =
    rows.find((row) => row.level === "district" && matchesSearch(row.name, "dak glei")) ??
    rows.find((row) => row.level === "district");
  const commune = rows
    .filter(
      (row) => row.level === "commune" && row.parentCode === district?.code && isRuralCommune(row),
    )
    .sort((a, b) => a.name.localeCompare(b.name, "vi"))[0];
  if (!province || !district || !commune)
    throw new Error("Dữ liệu minh họa thiếu tỉnh, huyện hoặc xã.");

  const accounts: {
    username: string;
    role: Role;
    unit: { code: string; name: string };
    department?: string;
    name: string;
  }[] = [
    { username: "admin", role: "province_admin", unit: province, name: "Quản trị tỉnh" },
    {
      username: "vpdp",
      role: "coordination_office",
      unit: province,
      name: "Văn phòng điều phối NTM tỉnh",
    },
    {
      username: "so-xd",
      role: "department",
      unit: province,
      department: "so-xd",
      name: "Sở Xây dựng",
    },
    { username: "huyen", role: "district", unit: district, name: `UBND ${district.name}` },
    { username: "xa", role: "commune_officer", unit: commune, name: `Cán bộ ${commune.name}` },
    {
      username: "mttq",
      role: "fatherland_front",
      unit: commune,
      name: `Ủy ban MTTQ Việt Nam ${commune.name}`,
    },
    { username: "xem", role: "viewer", unit: province, name: "Người xem" },
  ];
  for (const account of accounts) {
    await createUser(db, {
      input: {
        username: account.username,
        password: demoPassword,
        role: account.role,
        unitCode: account.unit.code,
        displayName: account.name,
        ...(account.department ? { departmentCode: account.department } : {}),
      },
      by: systemUser,
      demo: true,
    });
  }

  const set = await selectSetFor(db, { year: demoYears[0] as number, provinceCode });
  const values = generateDemoValues({
    set: set.definition,
    units: rows,
    years: demoYears,
    seed: demoSeed,
  });
  const written = await writeValuesBulk(db, {
    rows: values,
    by: systemUser,
    now,
    demo: true,
    source: "dữ liệu minh họa",
  });
  log(
    `Đã tạo ${written.values} giá trị minh họa cho ${written.assessments} bản đánh giá (${demoYears.join(", ")}).`,
  );
  const year2026 = await seed2026Values(database, {
    units: rows,
    districtCode: district.code,
    provinceCode,
    seed: demoSeed,
    now,
  });
  log(
    `Đã tạo ${year2026.values} giá trị minh họa năm ${demoYear2026} theo bộ tiêu chí 2026–2030 cho ${year2026.communes} xã.`,
  );

  const info: DemoInfo = {
    provinceCode,
    provinceName: province.name,
    password: demoPassword,
    accounts: accounts.map((account) => ({
      username: account.username,
      role: account.role,
      unitName: account.unit.name,
      note: `(${roleNames[account.role]})`,
    })),
  };
  log(`Đã tạo ${await seedTargets(database, { provinceCode, now })} mục tiêu minh họa.`);
  log(`Đã nhập ${await seedBoundaries(database, { provinceCode, now })} vùng bản đồ minh họa.`);
  await seedDossiers(database, { provinceCode, log });
  log(`Đã tạo ${await seedReports(database, { provinceCode, now })} loại báo cáo minh họa.`);
  await saveDemoInfo(db, info);
  return info;
}
