export { renderDocx, renderPdf, type AdminDocument } from "./admin-document.ts";
