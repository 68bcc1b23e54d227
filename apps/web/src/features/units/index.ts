/** Public API of the units feature. */
export { UnitPicker } from "./unit-picker.tsx";
export { useUnitDetail } from "./use-unit-detail.ts";
export { fetchUnitList, unitListQueryKey } from "./units-api.ts";
