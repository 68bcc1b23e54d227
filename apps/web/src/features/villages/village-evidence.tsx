import {
  DeleteOutlined,
  DownloadOutlined,
  PaperClipOutlined,
  UploadOutlined,
} from "@ant-design/icons";
import type { EvidenceDto } from "@ntm/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Popconfirm, Upload } from "antd";
import { errorMessage } from "../../lib/api-client.ts";
import { formatDateTime, formatFileSize } from "../../lib/format.ts";
import { useI18n } from "../../lib/i18n/i18n-context.tsx";
import {
  deleteVillageEvidence,
  uploadVillageEvidence,
  villageEvidenceUrl,
  villageKeys,
} from "./village-api.ts";

// The types the server accepts; it checks the content too.
const accepted = ".pdf,.jpg,.jpeg,.png,.webp,.doc,.docx,.xls,.xlsx";
const maxBytes = 10 * 1024 * 1024;

/** The files that prove one value of a village; changed only by accounts the server allows. */
export function VillageEvidence(props: {
  code: string;
  setCode: string;
  year: number;
  indicatorCode: string;
  files: readonly EvidenceDto[];
  canWrite: boolean;
}) {
  const { code, setCode, year, indicatorCode, files, canWrite } = props;
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const refresh = () =>
    client.invalidateQueries({ queryKey: villageKeys.evidence(code, setCode, year) });
  const upload = useMutation({
    mutationFn: (file: File) => uploadVillageEvidence({ code, setCode, year }, indicatorCode, file),
    onSuccess: (evidence) => {
      void message.success(t("evidence.uploaded", { name: evidence.fileName }));
      void refresh();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const remove = useMutation({
    mutationFn: deleteVillageEvidence,
    onSuccess: () => {
      void message.success(t("evidence.deleted"));
      void refresh();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  return (
    <div className="village-evidence" data-testid={`village-evidence-${indicatorCode}`}>
      {files.length === 0 ? (
        <span className="muted">{t("evidence.none")}</span>
      ) : (
        <ul className="village-evidence-list">
          {files.map((file) => (
            <li key={file.id} className="village-evidence-row">
              <PaperClipOutlined aria-hidden />
              <span className="village-evidence-text">
                <a href={villageEvidenceUrl(file.id)} download={file.fileName}>
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
              <span className="village-evidence-actions">
                <Button
                  href={villageEvidenceUrl(file.id)}
                  download={file.fileName}
                  icon={<DownloadOutlined aria-hidden />}
                >
                  {t("evidence.download")}
                </Button>
                {canWrite && (
                  <Popconfirm
                    title={t("evidence.deleteConfirm", { name: file.fileName })}
                    onConfirm={() => remove.mutate(file.id)}
                    okText={t("evidence.delete")}
                    cancelText={t("common.close")}
                  >
                    <Button
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      loading={remove.isPending && remove.variables === file.id}
                    >
                      {t("evidence.delete")}
                    </Button>
                  </Popconfirm>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <Upload
          accept={accepted}
          showUploadList={false}
          customRequest={({ file }) => {
            if (!(file instanceof File)) return;
            if (file.size > maxBytes) void message.error(t("evidence.tooLarge"));
            else upload.mutate(file);
          }}
        >
          <Button
            icon={<UploadOutlined aria-hidden />}
            loading={upload.isPending}
            data-testid={`village-evidence-upload-${indicatorCode}`}
          >
            {upload.isPending ? t("evidence.uploading") : t("villages.evidence")}
          </Button>
        </Upload>
      )}
    </div>
  );
}
