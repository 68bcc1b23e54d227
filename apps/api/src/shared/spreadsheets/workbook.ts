import { PassThrough, type Readable } from "node:stream";
import type ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import { contentTypes, sendDownload } from "../download.ts";
import { loadExcelJs } from "../lazy-packages.ts";

/** Excel shows these with the reader's separators: "1.234.500" in a Vietnamese Excel. */
const numberFormats = { integer: "#,##0", decimal: "#,##0.##" } as const;

interface SheetColumn {
  header: string;
  key: string;
  width: number;
  format?: keyof typeof numberFormats;
}

export interface Sheet {
  name: string;
  columns: SheetColumn[];
  rows: Iterable<Record<string, string | number | null>>;
}

/** A workbook built in memory, for files with merged cells, validations or several layouts. */
export async function createWorkbook(): Promise<ExcelJS.Workbook> {
  const { Workbook } = await loadExcelJs();
  const workbook = new Workbook();
  workbook.creator = "NTM Monitor";
  return workbook;
}

export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Writes sheets of rows as an .xlsx stream, a bold header row first; each row is committed as it
 * is written, so memory does not grow with the number of rows.
 */
function streamWorkbook(sheets: Sheet[]): Readable {
  const stream = new PassThrough();
  (async () => {
    const ExcelJs = await loadExcelJs();
    const workbook = new ExcelJs.stream.xlsx.WorkbookWriter({ stream, useStyles: true });
    workbook.creator = "NTM Monitor";
    for (const spec of sheets) {
      const sheet = workbook.addWorksheet(spec.name);
      sheet.columns = spec.columns.map((column) => ({
        header: column.header,
        key: column.key,
        width: column.width,
        ...(column.format ? { style: { numFmt: numberFormats[column.format] } } : {}),
      }));
      sheet.getRow(1).font = { bold: true };
      for (const row of spec.rows) sheet.addRow(row).commit();
      sheet.commit();
    }
    await workbook.commit();
  })().catch((error: unknown) => stream.destroy(error as Error));
  return stream;
}

/** Sends sheets of rows as an .xlsx download, streamed. */
export function sendWorkbook(reply: FastifyReply, fileName: string, sheets: Sheet[]) {
  return sendDownload(reply, {
    fileName,
    contentType: contentTypes.xlsx,
    body: streamWorkbook(sheets),
  });
}
