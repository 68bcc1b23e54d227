// What the server and other features use of the public page and its publication settings.
export { publicRoutes } from "./public.routes.ts";
export { publicationRoutes } from "./publication.routes.ts";
export { setPublication } from "./publication-settings.ts";
// For residents' feedback: a dossier in public posting is shown only where the province published
// the kind "postings" for the dossier's year (the same 404 as every unpublished read).
export { assertPublished, notPublished } from "./published.ts";
