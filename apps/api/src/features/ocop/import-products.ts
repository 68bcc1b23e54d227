import type ExcelJS from "exceljs";
import type { Db } from "@ntm/db";
import { ocopGroups } from "@ntm/domain";
import {
  ocopProductInputSchema,
  producerKindNames,
  producerKinds,
  type OcopProductInput,
} from "@ntm/contracts";
import { AppError, invalid } from "../../http/app-error.ts";
import { assertCan } from "../../shared/access.ts";
import { recordAudit } from "../../shared/audit.ts";
import { today as localDate } from "../../shared/clock.ts";
import { loadExcelJs } from "../../shared/lazy-packages.ts";
import type { AuthUser } from "../auth/index.ts";
import { findUnitResource } from "../units/index.ts";
import { checkCertificate, communeOn } from "./check-certificate.ts";
import { loadAllProducts } from "./ocop-registry.ts";
import { issuerLevelWords, ocopColumns } from "./ocop-sheet.ts";
import { forgetRegistryScopes } from "./ocop-sourced.ts";
import { registerProduct } from "./register-product.ts";
import { syncOcopIndicators } from "./sync-indicators.ts";

type Key = (typeof ocopColumns)[number]["key"];
interface CellError {
  path: string;
  message: string;
}

const byWord = <T extends string>(words: Record<T, string>, text: string): T | undefined =>
  (Object.keys(words) as T[]).find(
    (code) => code === text || words[code].toLowerCase() === text.toLowerCase(),
  );

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object" && "text" in value) return String(value.text).trim();
  if (typeof value === "object" && "result" in value) return String(value.result ?? "").trim();
  return String(value).trim();
}

function isoDate(raw: string): string {
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw);
  if (!dmy) return raw;
  return `${dmy[3]}-${dmy[2]?.padStart(2, "0")}-${dmy[1]?.padStart(2, "0")}`;
}

/** One row of the sheet as an input, or the reason each wrong cell is refused. */
function rowInput(cells: Partial<Record<Key, string>>, where: (key: Key) => string) {
  const errors: CellError[] = [];
  const number = (key: Key) => (cells[key] === "" ? Number.NaN : Number(cells[key]));
  const group = ocopGroups.find(
    (item) => item.code === cells.group || item.name.toLowerCase() === cells.group?.toLowerCase(),
  );
  const kind = byWord(producerKindNames, cells.producerKind ?? "");
  const level = byWord(issuerLevelWords, cells.issuerLevel ?? "");
  if (!group)
    errors.push({
      path: where("group"),
      message: "Nhóm sản phẩm không thuộc 6 nhóm của QĐ 148/QĐ-TTg.",
    });
  if (!kind) {
    errors.push({
      path: where("producerKind"),
      message: `Loại chủ thể là một trong: ${producerKinds.map((code) => producerKindNames[code]).join(", ")}.`,
    });
  }
  if (!level)
    errors.push({ path: where("issuerLevel"), message: "Cấp ban hành là Tỉnh hoặc Trung ương." });
  const candidate = {
    name: cells.name ?? "",
    producerKind: kind ?? "other",
    producerName: cells.producerName ?? "",
    producerEmail: cells.producerEmail ? cells.producerEmail : null,
    groupCode: group?.code ?? "food",
    communeCode: cells.communeCode ?? "",
    certificate: {
      scores: { A: number("scoreA"), B: number("scoreB"), C: number("scoreC") },
      stars: number("stars"),
      decisionNumber: cells.decisionNumber ?? "",
      decisionDate: isoDate(cells.decisionDate ?? ""),
      issuer: cells.issuer ?? "",
      issuerLevel: level ?? "province",
    },
  };
  const parsed = ocopProductInputSchema.safeParse(candidate);
  const keyOf: Record<string, Key> = {
    name: "name",
    producerName: "producerName",
    producerEmail: "producerEmail",
    communeCode: "communeCode",
    A: "scoreA",
    B: "scoreB",
    C: "scoreC",
    stars: "stars",
    decisionNumber: "decisionNumber",
    decisionDate: "decisionDate",
    issuer: "issuer",
  };
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = keyOf[String(issue.path.at(-1))];
      if (key) errors.push({ path: where(key), message: issue.message });
    }
  }
  return { input: parsed.success ? parsed.data : null, errors };
}

/**
 * Imports a province's existing list of certified products from the registry's own sheet (the
 * export's columns): every cell is checked as a registration would be, with the row and column of
 * each refusal in Vietnamese; one wrong cell and nothing is saved.
 */
export async function importProducts(
  db: Db,
  options: { user: AuthUser; unitCode: string; content: Buffer; fileName: string; now: Date },
): Promise<{ imported: number }> {
  const { user, now } = options;
  const today = localDate(now);
  const { resource } = await findUnitResource(db, options.unitCode, today);
  assertCan(user, "ocop.write", resource);
  const workbook = new (await loadExcelJs()).Workbook();
  try {
    await workbook.xlsx.load(options.content as unknown as ArrayBuffer);
  } catch {
    throw invalid(
      "Tệp không phải là bảng tính .xlsx đọc được.",
      "The file is not a readable .xlsx workbook.",
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw invalid("Tệp không có trang tính nào.", "The workbook has no sheet.");
  const header = new Map<number, Key>();
  sheet.getRow(1).eachCell((cell, column) => {
    const found = ocopColumns.find((item) => item.header === text(cell.value));
    if (found) header.set(column, found.key);
  });
  const missing = ocopColumns
    .filter(
      (column) => !["communeName", "expiresOn", "status", "producerEmail"].includes(column.key),
    )
    .filter((column) => ![...header.values()].includes(column.key));
  if (missing.length > 0) {
    throw invalid(
      `Thiếu cột: ${missing.map((column) => column.header).join(", ")} (dùng tệp xuất từ sổ OCOP làm mẫu).`,
      "Columns are missing.",
    );
  }
  const errors: CellError[] = [];
  const inputs: OcopProductInput[] = [];
  const seen = new Set<string>();
  for (let number = 2; number <= sheet.rowCount; number++) {
    const row = sheet.getRow(number);
    const cells: Partial<Record<Key, string>> = {};
    for (const [column, key] of header) cells[key] = text(row.getCell(column).value);
    if (Object.values(cells).every((value) => value === "")) continue;
    const where = (key: Key) =>
      `Dòng ${number}, cột "${ocopColumns.find((column) => column.key === key)?.header}"`;
    const { input, errors: rowErrors } = rowInput(cells, where);
    for (const problem of rowErrors) errors.push(problem);
    if (!input || rowErrors.length > 0) continue;
    const key = `${input.name}|${input.producerName}`.toLowerCase();
    if (seen.has(key)) {
      errors.push({ path: where("name"), message: "Sản phẩm này đã có ở một dòng trên." });
      continue;
    }
    seen.add(key);
    try {
      checkCertificate(input.certificate, { today });
      await communeOn(db, input.communeCode, input.certificate.decisionDate);
      const commune = await findUnitResource(db, input.communeCode, today);
      if (!commune.resource.path.includes(options.unitCode)) {
        throw invalid(
          `Xã ${input.communeCode} không thuộc ${options.unitCode}.`,
          "Outside the unit.",
        );
      }
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const details = error.details ?? [{ path: "", message: error.message }];
      for (const detail of details)
        errors.push({ path: `Dòng ${number}`, message: detail.message });
      continue;
    }
    inputs.push(input);
  }
  if (errors.length > 0) {
    throw invalid(
      `Tệp có ${errors.length} lỗi; chưa lưu sản phẩm nào. Hãy sửa các ô được liệt kê rồi gửi lại.`,
      `The file has ${errors.length} error(s); nothing was saved.`,
      errors,
    );
  }
  await db.transaction(async (tx) => {
    const provinces = new Set<string>();
    for (const input of inputs) {
      const product = await registerProduct(tx as Db, {
        user,
        input,
        now,
        origin: "imported",
        sync: false,
      });
      provinces.add(product.provinceCode);
    }
    // The registry's figures once for the whole list, not once per row.
    const products = await loadAllProducts(tx, today);
    for (const provinceCode of provinces) {
      await syncOcopIndicators(tx as Db, { provinceCode, products, by: user, now });
    }
    await recordAudit(tx, {
      kind: "ocop.import",
      by: user,
      key: options.unitCode,
      unitCode: options.unitCode,
      new: { products: inputs.length, file: options.fileName },
    });
  });
  forgetRegistryScopes(db);
  return { imported: inputs.length };
}
