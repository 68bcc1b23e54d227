// What the rest of the web app uses of the OCOP pages: their messages (the pages load lazily).
export { ocopEn, ocopVi } from "./ocop-messages.ts";
