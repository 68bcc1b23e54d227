export * from "./posting-window.ts";
export * from "./moderation.ts";
