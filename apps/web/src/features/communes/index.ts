/** Public API of the communes list: the link other pages open it with. */
export { communesLink, type CommunesFilter } from "./communes-link.ts";
