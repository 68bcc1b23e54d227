// What other features use of dossiers; everything else stays inside the feature.
export { renderDocx, type AdminDocument } from "./dossier-documents.ts";
