import {
  DeleteOutlined,
  DownloadOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import type { EvidenceDto } from "@ntm/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Popconfirm, Upload } from "antd";
import { errorMessage, isApiError } from "../../lib/api-client.ts";
import { formatDateTime, formatFileSize } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import { dropEvidence, queueEvidence } from "../offline/index.ts";
import { deleteEvidence, evidenceUrl, scorecardQueryKey, uploadEvidence } from "./scorecard-api.ts";
import { useScorecardContext } from "./scorecard-context.tsx";

// The types the server accepts; it checks the content too.
const accepted = ".pdf,.jpg,.jpeg,.png,.webp,.doc,.docx,.xls,.xlsx";
const maxBytes = 10 * 1024 * 1024;

/** Photos and documents that prove an indicator's value. */
export function EvidenceList({ indicatorCode }: { indicatorCode: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { code, year, scorecard, editor } = useScorecardContext();
  const files = scorecard.evidence[indicatorCode] ?? [];
  const editable = editor.canEdit(indicatorCode);
  const refresh = () => queryClient.invalidateQueries({ queryKey: scorecardQueryKey(code, year) });

  const queued = editor.evidenceQueue.filter((row) => row.indicatorCode === indicatorCode);
  const keep = async (file: File) => {
    await queueEvidence(editor.key, indicatorCode, file);
    void message.info(t("evidence.queued", { name: file.name }));
  };
  const upload = useMutation({
    mutationFn: (file: File) => uploadEvidence(code, year, indicatorCode, file),
    onSuccess: (evidence) => {
      void message.success(t("evidence.uploaded", { name: evidence.fileName }));
      void refresh();
    },
    // Without a link the file waits on the device and goes with the outbox.
    onError: (error, file) => {
      if (isApiError(error, "NETWORK")) void keep(file);
      else void message.error(errorMessage(error));
    },
  });
  const remove = useMutation({
    mutationFn: deleteEvidence,
    onSuccess: () => {
      void message.success(t("evidence.deleted"));
      void refresh();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  return (
    <div className="evidence" data-testid={`evidence-${indicatorCode}`}>
      {queued.length > 0 && (
        <ul className="evidence-list" data-testid={`evidence-queued-${indicatorCode}`}>
          {queued.map((row) => (
            <li key={row.seq} className="evidence-row muted" data-testid="evidence-queued-file">
              <PaperClipOutlined aria-hidden />
              <span className="evidence-text">
                {t(row.error ? "evidence.refused" : "evidence.waiting", { name: row.name })}
                {row.error && <span className="field-error">{row.error}</span>}
              </span>
              {row.error && (
                <span className="evidence-actions">
                  <Button size="small" danger onClick={() => void dropEvidence(row.seq)}>
                    {t("evidence.remove")}
                  </Button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {files.length === 0 && queued.length === 0 ? (
        <span className="muted">{t("evidence.none")}</span>
      ) : (
        <ul className="evidence-list">
          {files.map((file) => (
            <EvidenceRow
              key={file.id}
              file={file}
              editable={editable}
              deleting={remove.isPending && remove.variables === file.id}
              onDelete={() => remove.mutate(file.id)}
            />
          ))}
        </ul>
      )}
      {editable && (
        <Upload
          accept={accepted}
          showUploadList={false}
          customRequest={({ file }) => {
            if (!(file instanceof File)) return;
            if (file.size > maxBytes) {
              void message.error(t("evidence.tooLarge"));
              return;
            }
            if (navigator.onLine) upload.mutate(file);
            else void keep(file);
          }}
        >
          <Button
            size="small"
            icon={<UploadOutlined aria-hidden />}
            loading={upload.isPending}
            data-testid={`evidence-upload-${indicatorCode}`}
          >
            {upload.isPending ? t("evidence.uploading") : t("evidence.upload")}
          </Button>
        </Upload>
      )}
    </div>
  );
}

interface EvidenceRowProps {
  file: EvidenceDto;
  editable: boolean;
  deleting: boolean;
  onDelete: () => void;
}

function EvidenceRow({ file, editable, deleting, onDelete }: EvidenceRowProps) {
  const { t, language } = useI18n();
  return (
    <li className="evidence-row">
      <PaperClipOutlined aria-hidden />
      <span className="evidence-text">
        <a href={evidenceUrl(file.id)} download={file.fileName} className="evidence-name">
          {file.fileName}
        </a>
        <span className="muted">
          {t("evidence.meta", {
            size: formatFileSize(file.size, language),
            who: file.uploadedBy,
            when: formatDateTime(file.uploadedAt),
          })}
        </span>
      </span>
      <span className="evidence-actions">
        <Button
          size="small"
          href={evidenceUrl(file.id)}
          download={file.fileName}
          icon={<DownloadOutlined aria-hidden />}
        >
          {t("evidence.download")}
        </Button>
        {editable && (
          <Popconfirm
            title={t("evidence.deleteConfirm", { name: file.fileName })}
            onConfirm={onDelete}
            okText={t("evidence.delete")}
            cancelText={t("common.close")}
          >
            <Button size="small" danger icon={<DeleteOutlined aria-hidden />} loading={deleting}>
              {t("evidence.delete")}
            </Button>
          </Popconfirm>
        )}
      </span>
    </li>
  );
}
