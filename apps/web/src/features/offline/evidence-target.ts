const enc = encodeURIComponent;

/** Whose files: a commune's year, or (with `setCode`) a village's year under one village set. */
export interface EvidenceTarget {
  unitCode: string;
  year: number;
  setCode?: string;
}

/** Where a file of the target is uploaded, whether at once or later by the outbox. */
export function evidenceUploadPath(target: EvidenceTarget): string {
  return target.setCode === undefined
    ? `/api/units/${enc(target.unitCode)}/assessments/${target.year}/evidence`
    : `/api/villages/${enc(target.unitCode)}/sets/${enc(target.setCode)}/assessments/${target.year}/evidence`;
}
