// What other features use of villages; everything else stays inside the feature.
export { reevaluateVillageSet } from "./village-assessment.service.ts";
export { getVillageSummary } from "./village-summary.service.ts";
export { villageRoutes } from "./villages.routes.ts";
