import { evidenceSchema, okResponseSchema } from "@ntm/contracts";
import { apiRequest } from "../../lib/api-client.ts";
import { evidenceUploadPath, type EvidenceTarget } from "../offline/index.ts";

/** Uploads one file for an indicator of a commune's or a village's year. */
export function uploadEvidenceFile(target: EvidenceTarget, indicatorCode: string, file: File) {
  const form = new FormData();
  // The server reads the fields in order: the indicator must come before the file.
  form.append("indicatorCode", indicatorCode);
  form.append("file", file, file.name);
  return apiRequest(evidenceUploadPath(target), { method: "POST", form, schema: evidenceSchema });
}

/** Where a stored file is downloaded (and deleted): a commune's, or a village's. */
export function evidenceFileUrl(target: EvidenceTarget, id: number): string {
  return target.setCode === undefined ? `/api/evidence/${id}` : `/api/village-evidence/${id}`;
}

export function deleteEvidenceFile(target: EvidenceTarget, id: number) {
  return apiRequest(evidenceFileUrl(target, id), { method: "DELETE", schema: okResponseSchema });
}
