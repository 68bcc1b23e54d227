import { evaluateUnit, reevaluate } from "@ntm/api";
import { formatValueVi, type LevelCode } from "@ntm/domain";
import { withDatabase } from "../cli-context.ts";

const levelNames: Record<LevelCode, string> = {
  standard: "đạt chuẩn",
  advanced: "nâng cao",
  model: "kiểu mẫu",
  modern: "hiện đại",
};

/** "2024" or a range "2021-2025": the years a national re-evaluation covers. */
function readYears(text: string): number[] {
  const match = /^(\d{4})(?:-(\d{4}))?$/.exec(text.trim());
  const from = Number(match?.[1]);
  const to = match?.[2] ? Number(match[2]) : from;
  if (!match || to < from || to - from > 50) {
    throw new Error("--year phải là một năm (ví dụ 2024) hoặc một khoảng năm (ví dụ 2021-2025).");
  }
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/**
 * `ntm evaluate --unit CODE --year YYYY [--json]` or `ntm evaluate --all --year YYYY[-YYYY]
 * [--from-chunk N]`: a national re-evaluation commits chunk by chunk, so a run stopped half-way
 * is resumed from the last chunk it reported.
 */
export async function evaluateCommand(options: {
  unit?: string;
  year: string;
  json?: boolean;
  all?: boolean;
  fromChunk?: string;
}) {
  await withDatabase(async ({ database }) => {
    if (options.all) {
      const years = readYears(options.year);
      const fromChunk = options.fromChunk === undefined ? 0 : Number(options.fromChunk);
      if (!Number.isInteger(fromChunk) || fromChunk < 0) {
        throw new Error("--from-chunk phải là số phần đã xong (0, 1, 2, …).");
      }
      let reported = 0;
      const { evaluated } = await reevaluate(database.db, {
        years,
        now: new Date(),
        fromChunk,
        onProgress: ({ chunksDone, chunksTotal, evaluated: done }) => {
          if (chunksDone < chunksTotal && Date.now() - reported < 2000) return;
          reported = Date.now();
          console.error(
            `  đã xong ${chunksDone}/${chunksTotal} phần (${done.toLocaleString("vi-VN")} xã-năm)`,
          );
        },
      });
      const span = years.length === 1 ? `năm ${years[0]}` : `các năm ${years[0]}–${years.at(-1)}`;
      console.log(`Đã đánh giá lại ${evaluated} lượt xã cho ${span}.`);
      return;
    }
    const year = Number(options.year);
    if (!Number.isInteger(year)) throw new Error("--year phải là một năm, ví dụ 2024.");
    if (!options.unit) throw new Error("Cần --unit CODE hoặc --all.");
    const { result, set } = await evaluateUnit(database.db, { unitCode: options.unit, year });
    if (options.json) {
      console.log(
        JSON.stringify(
          { set: { id: set.id, code: set.code, version: set.version }, ...result },
          null,
          2,
        ),
      );
      return;
    }
    console.log(
      `${result.summary.text} (bộ ${set.code} v${set.version}, ${result.classLabel ?? "chưa có vùng"})`,
    );
    const firstLevel = result.levels[0]?.level ?? "standard";
    for (const criterion of result.criteria) {
      const standard = criterion.byLevel[firstLevel];
      const mark = standard?.status === "met" ? "✓" : standard?.status === "not_met" ? "✗" : "?";
      console.log(`  ${mark} ${criterion.code}. ${criterion.name}: ${standard?.reason.text ?? ""}`);
      for (const indicator of criterion.indicators) {
        const item = indicator.byLevel[firstLevel];
        if (!item || item.status === "met") continue;
        const value =
          indicator.value === null ? "—" : formatValueVi(indicator.value, indicator.unit);
        console.log(`      ${indicator.code} ${indicator.name}: ${value} — ${item.reason.text}`);
      }
    }
    if (result.nextLevel) {
      const next = result.levels.find((level) => level.level === result.nextLevel);
      console.log(
        `Còn thiếu để đạt ${levelNames[result.nextLevel]}: ${next?.missing.length ?? 0} chỉ tiêu/điều kiện.`,
      );
    }
  });
}
