import { z } from "zod";

// Validation messages default to Vietnamese wherever the contracts are used.
z.config(z.locales.vi());

export * from "./errors.ts";
export * from "./validation-messages.ts";
export * from "./criteria-set.schema.ts";
export * from "./api.schemas.ts";
export * from "./catalog.schemas.ts";
export * from "./permissions.schemas.ts";
export * from "./tasks.schemas.ts";
export * from "./accounts.schemas.ts";
export * from "./scorecard.schema.ts";
export * from "./scorecard-join.ts";
export * from "./reports.schemas.ts";
export * from "./targets.schemas.ts";
export * from "./dossiers.schemas.ts";
export * from "./dossier-filing.schemas.ts";
export * from "./entry.schemas.ts";
export * from "./communes-list.schemas.ts";
export * from "./unit-edit.schemas.ts";
export * from "./api.responses.ts";
export * from "./reform-import.schemas.ts";
export * from "./ocop.schemas.ts";
export * from "./jobs.schemas.ts";
export * from "./villages.schemas.ts";
export * from "./feedback.schemas.ts";
export * from "./publication.schemas.ts";
