import { StarFilled, TrophyFilled } from "@ant-design/icons";
import type { LevelCode } from "@ntm/domain";
import { useI18n } from "../lib/i18n/i18n-context.tsx";
import { statusPalette } from "./status-style.ts";

/** The level a commune reached ("Đạt chuẩn", "Nâng cao", "Kiểu mẫu") or "Chưa đạt chuẩn". */
export function LevelTag({ level, large = false }: { level: LevelCode | null; large?: boolean }) {
  const { t } = useI18n();
  const palette = level ? statusPalette.met : statusPalette.not_met;
  return (
    <span
      className={large ? "status-tag status-tag-large" : "status-tag"}
      data-level={level ?? "none"}
      style={{ color: palette.text, background: palette.background, borderColor: palette.border }}
    >
      {level ? <TrophyFilled aria-hidden /> : <StarFilled aria-hidden style={{ opacity: 0.4 }} />}
      <span>{t(level ? `level.${level}` : "level.none")}</span>
    </span>
  );
}
