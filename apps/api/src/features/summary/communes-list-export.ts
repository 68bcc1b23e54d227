import type { CommuneListResponse, CommuneListRow } from "@ntm/contracts";
import type { Sheet } from "../../shared/spreadsheets/index.ts";

const statusWords = { met: "Đạt", not_met: "Chưa đạt", missing: "Chưa có số liệu" } as const;

function levelWord(row: CommuneListRow, list: CommuneListResponse): string {
  if (row.criteriaMet === null) return statusWords.missing;
  if (row.level === null) return "Chưa đạt chuẩn";
  return list.levels.find((level) => level.code === row.level)?.name ?? row.level;
}

/** The list as one sheet, in the words of the screen: status words, never colour alone. */
export function communeListSheet(list: CommuneListResponse, rows: CommuneListRow[]): Sheet {
  const criterion = list.criterion;
  return {
    name: `Danh sách xã ${list.year}`,
    columns: [
      { header: "STT", key: "index", width: 6, format: "integer" },
      { header: "Mã xã", key: "code", width: 10 },
      { header: "Xã", key: "name", width: 28 },
      { header: "Đơn vị cấp trên", key: "parentName", width: 26 },
      { header: "Số tiêu chí đạt", key: "criteriaMet", width: 15, format: "integer" },
      { header: "Tổng số tiêu chí", key: "criteriaTotal", width: 15, format: "integer" },
      { header: "Mức đạt", key: "level", width: 26 },
      ...(criterion
        ? [{ header: `Tiêu chí ${criterion.code}: ${criterion.name}`, key: "status", width: 30 }]
        : []),
      { header: "Ghi chú", key: "note", width: 18 },
    ],
    rows: rows.map((row, index) => ({
      index: index + 1,
      code: row.code,
      name: row.name,
      parentName: row.parentName,
      criteriaMet: row.criteriaMet,
      criteriaTotal: row.criteriaTotal,
      level: levelWord(row, list),
      status: row.criterionStatus ? statusWords[row.criterionStatus] : null,
      note: row.demo ? "Dữ liệu minh họa" : null,
    })),
  };
}

/** "danh-sach-xa-D01-2024.xlsx": the unit's code keeps the name short and unique. */
export function communeListFileName(list: CommuneListResponse, selected: boolean): string {
  return `danh-sach-xa-${list.unit.code}-${list.year}${selected ? "-da-chon" : ""}.xlsx`;
}
