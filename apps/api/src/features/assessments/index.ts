// What other features use of assessments; everything else stays inside the feature.
export {
  chunks,
  findAssessmentKeys,
  findDemoFlags,
  findStoredResults,
} from "./assessments.repository.ts";
export { scorecardSetFor, toEvidenceDto } from "./assessments.service.ts";
export {
  evaluateMany,
  reevaluate,
  type BulkEvaluationProgress,
} from "./bulk-evaluation.service.ts";
export { evaluateUnit } from "./evaluation.service.ts";
export { rememberProvinceKeys } from "./assessment-context.ts";
export { writeValuesBulk, type BulkValueRow } from "./bulk-values.service.ts";
export {
  indexIndicators,
  validateValues,
  valueProblem,
  type IndicatorPlace,
} from "./validate-values.ts";
export {
  sourcedIndicatorsOf,
  typedValueRefusal,
  type SourcedIndicator,
  type SourcedIndicators,
  type SourcedOptions,
} from "./registry-sourced.ts";
