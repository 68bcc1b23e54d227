import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  ExclamationCircleOutlined,
} from "@ant-design/icons";
import { Tag } from "antd";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";

const look = {
  on_time: { color: "green", icon: <CheckCircleOutlined /> },
  late: { color: "gold", icon: <ExclamationCircleOutlined /> },
  missing: { color: "red", icon: <CloseCircleOutlined /> },
  pending: { color: "default", icon: <ClockCircleOutlined /> },
} as const;

/** On time / late / missing / not yet due: always the word and an icon with the colour. */
export function TimelinessTag({ value, title }: { value: keyof typeof look; title?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={look[value].color} icon={look[value].icon} title={title} data-timeliness={value}>
      {t(`reports.timeliness.${value}`)}
    </Tag>
  );
}
