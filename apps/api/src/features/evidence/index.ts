// What other features use of evidence; everything else stays inside the feature.
export {
  detectEvidenceType,
  evidenceKey,
  evidenceTypes,
  extensionOf,
  maxEvidenceBytes,
} from "./evidence-storage.ts";
export { assertEvidenceFile } from "./evidence-file-check.ts";
export { readEvidenceUpload } from "./read-evidence-upload.ts";
export { findEvidenceForAssessment, type EvidenceRow } from "./evidence.repository.ts";
