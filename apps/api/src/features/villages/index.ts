// What other features and the command line use of villages; everything else stays inside.
export {
  getVillageScorecard,
  reevaluateVillageSet,
  writeFirstVillageValues,
  writeVillageValues,
} from "./village-assessment.service.ts";
export { actOnVillageRecognition } from "./village-recognition.service.ts";
export { getVillageSummary } from "./village-summary.service.ts";
export { createVillage, createVillages } from "./villages.service.ts";
export { villageRoutes } from "./villages.routes.ts";
export { villageTargetFigures } from "./village-target-figures.ts";
export { syncVillageSourcedValues, villageSourcedIndicatorsOf } from "./village-sourced-values.ts";
export { moveVillagesForReform } from "./village-reform.ts";
