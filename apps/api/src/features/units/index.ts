// What other features use of units; everything else stays inside the feature.
export {
  findChildrenOn,
  findDescendantsOn,
  findLatestUnit,
  findPathOn,
  findSuccessorLinks,
  findUnitOn,
  findUnitsValidOn,
  lockUnit,
  type UnitRow,
} from "./units.repository.ts";
export { findProvinceKeys } from "./province-keys.repository.ts";
export {
  findUnitResource,
  getUnitDetail,
  importUnits,
  requireUnitAccess,
  unitDetailOf,
} from "./units.service.ts";
