import type { AssessmentResult, LevelCode, UnitsSummary } from "@ntm/domain";
import type { EvidenceDto, UnitDetail } from "./api.schemas.ts";

/** GET /api/units/CODE/scorecard: the engine's result with what the page needs around it. */
export interface ScorecardResponse extends AssessmentResult {
  unit: UnitDetail;
  set: { id: number; code: string; version: number; name: string; provinceCode: string | null };
  assessment: { version: number; updatedAt: string | null; demo: boolean };
  /** Note and last change per indicator code. */
  entries: Record<string, { note: string | null; updatedAt: string; updatedBy: string }>;
  evidence: Record<string, EvidenceDto[]>;
  permissions: {
    canEdit: boolean;
    /** Criterion codes the user may edit; "all" when not restricted to a department's criteria. */
    editableCriteria: string[] | "all";
    reason: string;
  };
}

export interface SummaryUnitRow {
  code: string;
  name: string;
  parentName: string | null;
  criteriaMet: number;
  criteriaTotal: number;
  level: LevelCode | null;
  demo: boolean;
}

/** GET /api/units/CODE/summary: a district or province rolled up from stored results. */
export interface SummaryResponse extends Omit<UnitsSummary, "below"> {
  unit: { code: string; name: string; level: string };
  year: number;
  set: {
    id: number;
    code: string;
    name: string;
    levels: { code: LevelCode; name: string }[];
  } | null;
  below: { threshold: number; units: SummaryUnitRow[] };
  units: SummaryUnitRow[];
  demo: boolean;
}
