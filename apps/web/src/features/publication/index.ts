// What the app shell uses of the publication settings page.
export { publicationEn, publicationVi } from "./publication-messages.ts";
