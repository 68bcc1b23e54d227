// What the rest of the web app uses of the villages pages: their messages (the pages load lazily).
export { villagesEn, villagesVi } from "./village-messages.ts";
