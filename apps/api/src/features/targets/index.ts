// What other features use of targets; everything else stays inside the feature.
export { getPlanRollup } from "./plans.service.ts";
export { getUnitTargets } from "./targets.service.ts";
