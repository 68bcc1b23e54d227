import type { UnitTargetsResponse } from "@ntm/contracts";
import { formatNumberVi } from "@ntm/domain";
import type { Sheet } from "../../shared/spreadsheets/index.ts";

/**
 * The targets of a unit, then those of the units above that name its communes (with its share):
 * one sheet of targets with their progress, one of the communes behind.
 */
export function targetsSheets(body: UnitTargetsResponse): Sheet[] {
  const all = [...body.targets, ...body.fromAbove];
  return [
    {
      name: "Mục tiêu",
      columns: [
        { header: "Đơn vị", key: "unit", width: 22 },
        { header: "Mục tiêu", key: "name", width: 50 },
        { header: "Năm gốc", key: "baseline", width: 10 },
        { header: "Hạn", key: "deadline", width: 8 },
        { header: "Chỉ tiêu", key: "target", width: 12, format: "decimal" },
        { header: "Kết quả", key: "actual", width: 12, format: "decimal" },
        { header: "Còn thiếu", key: "gap", width: 12, format: "decimal" },
        { header: "Đơn vị tính", key: "measure", width: 14 },
        { header: "Năm số liệu", key: "year", width: 12 },
        { header: "Trạng thái", key: "status", width: 16 },
        { header: "Căn cứ đánh giá", key: "rule", width: 80 },
        { header: "Văn bản giao", key: "source", width: 36 },
        { header: "Mốc của năm", key: "milestone", width: 18 },
        { header: "Phần của đơn vị", key: "share", width: 40 },
      ],
      rows: all.map(({ target, progress, share }) => ({
        unit: target.unitName,
        name: target.name,
        baseline: target.baselineYear,
        deadline: target.deadlineYear,
        target: progress.target,
        actual: progress.actual,
        gap: progress.gap,
        measure: progress.unit,
        year: progress.year,
        status: progress.statusName,
        rule: progress.rule,
        source: target.source ?? "",
        milestone:
          progress.milestone && progress.milestone.year < target.deadlineYear
            ? `Năm ${progress.milestone.year}: ${formatNumberVi(progress.milestone.value)} ${progress.unit}`
            : "",
        share: share
          ? `${share.unitName}: ${formatNumberVi(share.communes)} xã thuộc mục tiêu, ${formatNumberVi(share.behind.length)} xã chưa đạt`
          : "",
      })),
    },
    {
      name: "Xã chưa đạt",
      columns: [
        { header: "Mục tiêu", key: "target", width: 50 },
        { header: "Xã", key: "name", width: 24 },
        { header: "Huyện", key: "parent", width: 22 },
        { header: "Số tiêu chí đạt", key: "met", width: 14 },
        { header: "Yêu cầu", key: "required", width: 30 },
        { header: "Tiêu chí chưa đạt", key: "missing", width: 40 },
        { header: "Đủ tốc độ", key: "pace", width: 10 },
      ],
      rows: all.flatMap(({ target, progress }) =>
        progress.behind.map((row) => ({
          target: target.name,
          name: row.name,
          parent: row.parentName ?? "",
          met: row.criteriaMet,
          required: row.required,
          missing: row.missing.join(", "),
          pace: row.onPace ? "Có" : "Không",
        })),
      ),
    },
  ];
}
