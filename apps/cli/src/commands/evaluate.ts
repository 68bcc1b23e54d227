import { evaluateMany, evaluateUnit } from "@ntm/api";
import { formatValueVi, type LevelCode } from "@ntm/domain";
import { withDatabase } from "../cli-context.ts";

const levelNames: Record<LevelCode, string> = {
  standard: "đạt chuẩn",
  advanced: "nâng cao",
  model: "kiểu mẫu",
  modern: "hiện đại",
};

/** `ntm evaluate --unit CODE --year YYYY [--json]` or `ntm evaluate --all --year YYYY`. */
export async function evaluateCommand(options: {
  unit?: string;
  year: string;
  json?: boolean;
  all?: boolean;
}) {
  const year = Number(options.year);
  if (!Number.isInteger(year)) throw new Error("--year phải là một năm, ví dụ 2024.");
  await withDatabase(async ({ database }) => {
    if (options.all) {
      const { evaluated } = await database.db.transaction((tx) =>
        evaluateMany(tx, { years: [year], now: new Date() }),
      );
      console.log(`Đã đánh giá lại ${evaluated} xã cho năm ${year}.`);
      return;
    }
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
