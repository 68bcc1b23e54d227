export * from "./regime.ts";
export * from "./dossier-state.ts";
export * from "./checks.ts";
export * from "./transition.ts";
export * from "./due-dates.ts";
export * from "./revocation-watch.ts";
export * from "./merger.ts";
export * from "./recognition-guard.ts";
