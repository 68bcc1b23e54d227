export * from "./village-set.ts";
export * from "./village-recognition.ts";
export * from "./summarise-villages.ts";
export * from "./village-sourced-condition.ts";
export * from "./village-reform.ts";
