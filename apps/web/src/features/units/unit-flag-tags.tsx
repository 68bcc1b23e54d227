import type { UnitDto } from "@ntm/contracts";
import { Space, Tag } from "antd";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";

export type UnitFlagCode = UnitDto["flags"][number];

/** A unit's flags as short tags with their full words as a tooltip (never colour alone). */
export function UnitFlagTags({ flags }: { flags: readonly UnitFlagCode[] }) {
  const { t } = useI18n();
  if (flags.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap>
      {flags.map((flag) => (
        <Tag key={flag} title={t(`unitAdmin.flag.${flag}`)} color="purple">
          {t(`unitAdmin.flagShort.${flag}`)}
        </Tag>
      ))}
    </Space>
  );
}
