/** Public API of the entry feature: grid cells, keys and paste shared by the entry grids. */
export { GridCell, type CellMark } from "./grid-cell.tsx";
export { handleGridKey } from "./grid-keys.ts";
export { handleGridPaste, pastedInput } from "./grid-paste.ts";
export { localStatus } from "./local-status.ts";
export { checkInput, type DraftCheck, type ValueRulesOf } from "./check-input.ts";
