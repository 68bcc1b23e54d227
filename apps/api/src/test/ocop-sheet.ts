import ExcelJS from "exceljs";
import { ocopColumns } from "../features/ocop/index.ts";

export type OcopSheetRow = Record<string, string | number>;

/** A row of a province's OCOP list as the registry's sheet holds it: a 4-star food of X02. */
export const ocopSheetRow = (name: string, over: OcopSheetRow = {}): OcopSheetRow => ({
  name,
  producerKind: "Hợp tác xã",
  producerName: "HTX Đăk Choong",
  group: "Thực phẩm",
  communeCode: "X02",
  scoreA: 30,
  scoreB: 18,
  scoreC: 25,
  stars: 4,
  decisionNumber: "77/QĐ-UBND",
  decisionDate: "05/03/2024",
  issuer: "UBND tỉnh Thử Nghiệm",
  issuerLevel: "Tỉnh",
  ...over,
});

/** The registry's own sheet (the export's columns) holding these rows, as an .xlsx file. */
export async function ocopSheet(rows: OcopSheetRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sản phẩm OCOP");
  sheet.columns = ocopColumns.map((column) => ({ header: column.header, key: column.key }));
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
