export { createWorkbook, sendWorkbook, workbookBuffer, type Sheet } from "./workbook.ts";
