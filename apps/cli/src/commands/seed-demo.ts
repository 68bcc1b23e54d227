import { readFile, readdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import {
  analyzeIfLarge,
  createUser,
  findDemoInfo,
  getSets,
  importCatalog,
  importUnits,
  insertDepartment,
  resyncOcopRegistry,
  saveDemoInfo,
  selectSetFor,
  setPublication,
  systemUser,
  today as dayIn,
  writeValuesBulk,
  type DemoInfo,
} from "@ntm/api";
import type { UnitImportRow } from "@ntm/contracts";
import type { Database } from "@ntm/db";
import { matchesSearch, roleNames, type Role } from "@ntm/domain";
import { sql } from "drizzle-orm";
import {
  buildDemoUnits,
  DEMO_PROVINCE_CODE,
  unitsOfProvince,
} from "../demo/build-demo-province.ts";
import { generateDemoValues } from "../demo/generate-demo-values.ts";
import { isRuralCommune } from "../demo/load-vietnam-units.ts";
import { presentProvinceOf, seedReform, seedValuesAfterReform } from "./seed-reform.ts";
import { seedDossiers } from "./seed-dossiers.ts";
import { seedBoundaries, seedTargets } from "./seed-targets.ts";
import { seedPresentReports, seedReports } from "./seed-reports.ts";
import { seedVillages } from "./seed-villages.ts";
import { seedOcop } from "./seed-ocop.ts";
import { seedFeedback } from "./seed-feedback.ts";

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

/**
 * Departments in charge of criteria, as a provincial decision assigns them (illustrative): the
 * 19 criteria of 2021–2025 and the 10 of 2026–2030 (QĐ 51/2025). Since 1/3/2025 the provincial
 * departments were merged (transport into Xây dựng, labour into Nội vụ, information into Khoa học
 * và Công nghệ, poverty reduction to Nông nghiệp và Môi trường): the 2026–2030 criteria go to the
 * departments that hold those tasks today; the demo keeps the older codes for the accounts.
 */
const demoDepartments = [
  { code: "so-xd", name: "Sở Xây dựng", criteria: ["1", "9"], from2026: ["1", "2"] },
  { code: "so-gtvt", name: "Sở Giao thông vận tải", criteria: ["2"], from2026: [] },
  {
    code: "so-nnmt",
    name: "Sở Nông nghiệp và Môi trường",
    criteria: ["3", "10", "13", "17"],
    from2026: ["3", "6", "8"],
  },
  { code: "so-ct", name: "Sở Công Thương", criteria: ["4", "7"], from2026: [] },
  { code: "so-gddt", name: "Sở Giáo dục và Đào tạo", criteria: ["5", "14"], from2026: ["4"] },
  {
    code: "so-vhttdl",
    name: "Sở Văn hóa, Thể thao và Du lịch",
    criteria: ["6", "16"],
    from2026: ["5"],
  },
  { code: "so-ttt", name: "Sở Thông tin và Truyền thông", criteria: ["8"], from2026: ["7"] },
  {
    code: "so-ldtbxh",
    name: "Sở Lao động - Thương binh và Xã hội",
    criteria: ["11", "12"],
    from2026: [],
  },
  { code: "so-yt", name: "Sở Y tế", criteria: ["15"], from2026: [] },
  { code: "so-nv", name: "Sở Nội vụ", criteria: ["18"], from2026: ["9"] },
  {
    code: "bchqs",
    name: "Bộ Chỉ huy Quân sự tỉnh và Công an tỉnh",
    criteria: ["19"],
    from2026: ["10"],
  },
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
 * Seeds the demo province of today: the real units before the reform of every old province it was
 * formed from (Quảng Ngãi and Kon Tum), the criteria sets, departments, one account per role,
 * 2022–2024 values, dossiers, targets and reports on Kon Tum, then the reform of 1/7/2025 from
 * the real mapping and 2025–2026 values for the new xã formed from Kon Tum communes. Every
 * generated figure is marked "dữ liệu minh họa".
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
  // The province of today and every old province it was formed from, before the reform.
  const present = await presentProvinceOf(provinceCode);
  const allRows: UnitImportRow[] = (
    await Promise.all(
      present.formedFrom.map((code) =>
        buildDemoUnits({ provinceCode: code, regionOf, seed: demoSeed }),
      ),
    )
  )
    .flat()
    .map((row) => (row.level === "commune" ? { ...row, assessed: isRuralCommune(row) } : row));
  await importUnits(db, { rows: allRows, user: systemUser });
  log(`Đã nhập ${allRows.length} đơn vị hành chính trước ngày 01/7/2025.`);
  const rows = unitsOfProvince(allRows, provinceCode);

  for (const file of await catalogFiles()) {
    const document = JSON.parse(await readFile(file, "utf8")) as unknown;
    const result = await importCatalog(db, { document, by: systemUser, now });
    log(`Đã nhập bộ tiêu chí ${result.set.code} v${result.set.version}.`);
  }

  const sets = await getSets(db, systemUser);
  const setCodes = (period: (set: (typeof sets)[number]) => boolean) => [
    ...new Set(sets.filter(period).map((set) => set.code)),
  ];
  const before2026 = setCodes((set) => set.fromYear <= 2025 && set.toYear >= 2021);
  const from2026 = setCodes((set) => set.fromYear <= 2030 && set.toYear >= 2026);
  for (const department of demoDepartments) {
    const keys = (codes: string[], criteria: string[]) =>
      codes.flatMap((setCode) => criteria.map((criterion) => `${setCode}:${criterion}`));
    await insertDepartment(db, {
      code: department.code,
      name: department.name,
      provinceCode,
      criteria: [...keys(before2026, department.criteria), ...keys(from2026, department.from2026)],
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
  // The province administrator and the viewer read the province of today and, through it, the
  // history of the old provinces it was formed from (ADR 0011). The accounts of the 2022–2024
  // workflows keep their units; the province re-scopes them when it chooses.
  const today = { code: present.code, name: present.name };

  const accounts: {
    username: string;
    role: Role;
    unit: { code: string; name: string };
    department?: string;
    name: string;
  }[] = [
    { username: "admin", role: "province_admin", unit: today, name: "Quản trị tỉnh" },
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
    {
      username: "vpdp-qng",
      role: "coordination_office",
      unit: today,
      name: `Văn phòng điều phối NTM ${today.name.replace(/^Tỉnh/, "tỉnh")}`,
    },
    { username: "huyen", role: "district", unit: district, name: `UBND ${district.name}` },
    { username: "xa", role: "commune_officer", unit: commune, name: `Cán bộ ${commune.name}` },
    {
      username: "mttq",
      role: "fatherland_front",
      unit: commune,
      name: `Ủy ban MTTQ Việt Nam ${commune.name}`,
    },
    { username: "xem", role: "viewer", unit: today, name: "Người xem" },
    {
      username: "quocgia",
      role: "national_admin",
      unit: today,
      name: "Quản trị cấp quốc gia",
    },
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

  const info: DemoInfo = {
    provinceCode: present.code,
    provinceName: `${present.name} (gồm ${province.name.replace(/^Tỉnh/, "tỉnh")} trước 01/7/2025)`,
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
  log(
    `Đã tạo ${await seedReports(database, { provinceCode, now })} loại báo cáo minh họa đến năm 2024.`,
  );
  log(await seedVillages(database, { provinceCode, district, commune, now }));
  const ocop = await seedOcop(database, { provinceCode, commune: commune.code });
  log(`Đã tạo ${ocop} sản phẩm OCOP minh họa.`);

  const reform = await seedReform(database, {
    oldUnits: allRows,
    demoProvinceCode: provinceCode,
    presentCode: present.code,
  });
  log(
    `Sắp xếp đơn vị hành chính từ 01/7/2025: ${present.name} (${present.code}) với ${reform.report.create.units} đơn vị cấp xã, ${reform.report.links.full + reform.report.links.partial} quan hệ kế thừa.`,
  );
  for (const year of await seedValuesAfterReform(database, {
    communes: reform.communes,
    presentCode: present.code,
    // The commune officer's own commune keeps 2025 for the officer to enter.
    without2025: [commune.code],
    seed: demoSeed,
    now,
  })) {
    log(`Đã tạo ${year.values} giá trị minh họa năm ${year.year} cho ${year.communes} xã mới.`);
  }
  // The years after the reform were typed in bulk: the figures the OCOP registry owns are its own.
  const fromRegistry = await resyncOcopRegistry(db, {
    provinceCode: present.code,
    by: systemUser,
    now,
  });
  log(`Đã lấy ${fromRegistry} giá trị từ sổ sản phẩm OCOP của tỉnh.`);
  const presentTypes = await seedPresentReports(database, {
    provinceCode: present.code,
    commune: commune.code,
    now,
  });
  log(`Đã tạo ${presentTypes} loại báo cáo minh họa của ${present.name} sau ngày 01/7/2025.`);
  info.accounts.push(
    await seedFeedback(database, {
      presentCode: present.code,
      communes: reform.communes.filter((c) => c.fromDemoProvince).map((c) => c.row),
      password: demoPassword,
      now,
    }),
  );
  log("Đã tạo 1 hồ sơ đang niêm yết công khai với 3 ý kiến người dân (minh họa).");
  // The public page for residents: the last two years' results, and the dossiers now posted.
  const published = ["communes", "decisions", "criteria", "targets"] as const;
  await setPublication(db, {
    user: systemUser,
    provinceCode: present.code,
    input: {
      entries: [
        { year: 2024, kinds: [...published] },
        { year: 2025, kinds: [...published] },
        { year: Number(dayIn(now).slice(0, 4)), kinds: ["postings"] },
      ],
    },
    now,
  });
  log(`Trang công khai /cong-khai/${present.code}: năm 2024, 2025 và hồ sơ đang lấy ý kiến.`);
  await saveDemoInfo(db, info);
  // The embedded database never analyzes on its own: the first start's reads would be planned as
  // if the demo's values and results were not there.
  await analyzeIfLarge(
    db,
    written.values,
    ["assessment_values", "assessments", "evaluation_results", "evaluation_criteria"],
    { embeddedOnly: true },
  );
  return info;
}
