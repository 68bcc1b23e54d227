export * from "./compile-plan.ts";
export * from "./dense-values.ts";
export * from "./evaluate-many.ts";
export * from "./describe-result.ts";
export * from "./compiled-outcomes.ts";
export * from "./plan-cache.ts";
export * from "./compare-with-engine.ts";
