import { WifiOutlined } from "@ant-design/icons";
import dayjs from "dayjs";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import "./offline.css";
import { useSyncStatus } from "./use-sync-status.ts";

const when = (ms: number) => dayjs(ms).format("HH:mm DD/MM/YYYY");

/** Says that the app is offline, since when, and how old the figures on screen are. */
export function OfflineBanner() {
  const { t } = useI18n();
  const { offlineSince, lastSyncAt } = useSyncStatus();
  if (offlineSince === null) return null;
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      <WifiOutlined aria-hidden className="offline-banner-icon" />
      <span>
        <strong>{t("offline.banner", { since: when(offlineSince) })}</strong>{" "}
        {lastSyncAt !== null && t("offline.synced", { time: when(lastSyncAt) })} {t("offline.keep")}
      </span>
    </div>
  );
}
