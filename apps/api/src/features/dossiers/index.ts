// What the server and the command line use of dossiers; everything else stays inside the feature.
export { dossiersRoutes } from "./dossiers.routes.ts";
export { act } from "./act-on-dossier.ts";
export { createBatch } from "./create-batch.ts";
export { createDossier } from "./create-dossier.ts";
export { importRecognitions } from "./import-recognitions.ts";
export { getInbox } from "./get-inbox.ts";
export { dossierFilingRoutes } from "./filing.routes.ts";
export { importRegime, listRegimes } from "./dossier-regimes.service.ts";
// For residents' feedback on a posted dossier: the dossier, its regime and who may read it.
export { findDossier, type DossierRow } from "./dossiers.repository.ts";
export { loadRegimes } from "./dossier-regimes.service.ts";
export { regimeOf } from "./dossier-views.ts";
export { requireDossierAccess, scopeCodes } from "./dossier-access.ts";
// For the public page: a decided dossier's decision as a document.
export { renderDossierDocument } from "./dossier-files.service.ts";
