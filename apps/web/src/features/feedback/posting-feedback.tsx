import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { formatNumber } from "../../lib/format.ts";
import { feedbackKeys, fetchFeedbackSummary } from "./feedback-api.ts";

/** The residents' comments of a dossier, on its public posting step: approved, and waiting. */
export function PostingFeedbackLine({ dossierId }: { dossierId: number }) {
  const { t } = useI18n();
  const query = useQuery({
    queryKey: feedbackKeys.summary(dossierId),
    queryFn: () => fetchFeedbackSummary(dossierId),
  });
  if (!query.data) return null;
  const { approved, pending, canRead, window } = query.data;
  return (
    <div className="page-meta" data-testid="posting-feedback">
      {t("feedback.step.title")}: {t("feedback.step.counts", { approved: formatNumber(approved) })}
      {canRead && pending > 0 && (
        <> · {t("feedback.step.pending", { pending: formatNumber(pending) })}</>
      )}
      {canRead && (
        <>
          {" · "}
          <Link to={`/feedback?status=${pending > 0 ? "pending" : "all"}&dossier=${dossierId}`}>
            {t("feedback.step.open")}
          </Link>
        </>
      )}
      {window.open && <div>{window.reason}</div>}
    </div>
  );
}
