import {
  DeleteOutlined,
  DownloadOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import type { EvidenceDto } from "@ntm/contracts";
import { useMutation } from "@tanstack/react-query";
import { App, Button, Popconfirm, Upload } from "antd";
import { errorMessage, isApiError } from "../../lib/api-client.ts";
import { formatDateTime, formatFileSize } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import {
  dropEvidence,
  queueEvidence,
  type EvidenceKey,
  type EvidenceRow,
} from "../offline/index.ts";
import { deleteEvidenceFile, evidenceFileUrl, uploadEvidenceFile } from "./evidence-api.ts";

// The types the server accepts; it checks the content too.
const accepted = ".pdf,.jpg,.jpeg,.png,.webp,.doc,.docx,.xls,.xlsx";
/** The server's limit for one file (10 MB): a larger one is refused before it is kept or sent. */
export const maxEvidenceBytes = 10 * 1024 * 1024;

export interface EvidenceListProps {
  /** Whose files: a commune's year, or a village's year under one village set. */
  target: EvidenceKey;
  indicatorCode: string;
  files: readonly EvidenceDto[];
  /** The files of this indicator waiting on the device (or refused by the server). */
  queued: readonly EvidenceRow[];
  canWrite: boolean;
  /** Reads the files again after an upload or a deletion. */
  onChanged: () => void;
  /** Test ids and the wrapper's class: "evidence" on the scorecard, "village-evidence" on a village. */
  name: "evidence" | "village-evidence";
  uploadLabel: string;
}

/**
 * The photos and documents that prove one value: download, delete for those who may write, and
 * upload; without a link a chosen file waits on the device and goes with the outbox.
 */
export function EvidenceList(props: EvidenceListProps) {
  const { target, indicatorCode, files, queued, canWrite, onChanged, name } = props;
  const { t } = useI18n();
  const { message } = App.useApp();
  const keep = async (file: File) => {
    await queueEvidence(target, indicatorCode, file);
    void message.info(t("evidence.queued", { name: file.name }));
  };
  const upload = useMutation({
    mutationFn: (file: File) => uploadEvidenceFile(target, indicatorCode, file),
    onSuccess: (evidence) => {
      void message.success(t("evidence.uploaded", { name: evidence.fileName }));
      onChanged();
    },
    // Without a link the file waits on the device and goes with the outbox.
    onError: (error, file) => {
      if (isApiError(error, "NETWORK")) void keep(file);
      else void message.error(errorMessage(error));
    },
  });
  const remove = useMutation({
    mutationFn: (id: number) => deleteEvidenceFile(target, id),
    onSuccess: () => {
      void message.success(t("evidence.deleted"));
      onChanged();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  return (
    <div className={name} data-testid={`${name}-${indicatorCode}`}>
      {queued.length > 0 && (
        <ul className="evidence-list" data-testid={`${name}-queued-${indicatorCode}`}>
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
            <FileRow
              key={file.id}
              file={file}
              url={evidenceFileUrl(target, file.id)}
              canWrite={canWrite}
              deleting={remove.isPending && remove.variables === file.id}
              onDelete={() => remove.mutate(file.id)}
            />
          ))}
        </ul>
      )}
      {canWrite && (
        <Upload
          accept={accepted}
          showUploadList={false}
          customRequest={({ file }) => {
            if (!(file instanceof File)) return;
            if (file.size > maxEvidenceBytes) {
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
            data-testid={`${name}-upload-${indicatorCode}`}
          >
            {upload.isPending ? t("evidence.uploading") : props.uploadLabel}
          </Button>
        </Upload>
      )}
    </div>
  );
}

interface FileRowProps {
  file: EvidenceDto;
  url: string;
  canWrite: boolean;
  deleting: boolean;
  onDelete: () => void;
}

function FileRow({ file, url, canWrite, deleting, onDelete }: FileRowProps) {
  const { t, language } = useI18n();
  return (
    <li className="evidence-row">
      <PaperClipOutlined aria-hidden />
      <span className="evidence-text">
        <a href={url} download={file.fileName} className="evidence-name">
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
          href={url}
          download={file.fileName}
          icon={<DownloadOutlined aria-hidden />}
        >
          {t("evidence.download")}
        </Button>
        {canWrite && (
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
