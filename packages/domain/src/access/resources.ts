import type { Role } from "./roles.ts";

/** A unit as the policy sees it: its code and the codes above it. */
export interface UnitResource {
  unitCode: string;
  /** Codes of the unit and all its ancestors, the unit first. */
  path: readonly string[];
}

export interface CriterionRef {
  setCode: string;
  criterionCode: string;
}

/** Values of a unit; with a criterion, the values of that criterion only. */
export interface ValueResource extends UnitResource {
  criterion?: CriterionRef;
}

/** An evidence file of an indicator: its criterion, or null when the set has no such indicator. */
export interface EvidenceResource extends UnitResource {
  criterion: CriterionRef | null;
}

/** A criteria set: national (no province) or a province's own. */
export interface CatalogResource {
  provinceCode: string | null;
}

/** A province's own setting (its public page). */
export interface ProvinceResource {
  provinceCode: string;
}

/** A step of a dossier's regime: who acts on it, and who else may attach files to it. */
export interface StepRef {
  code: string;
  name: string;
  actingRole: Role;
  attachRoles?: readonly Role[];
}

/** A dossier of a unit; with a step, that step. */
export interface DossierResource extends UnitResource {
  step?: StepRef;
}

export interface DossierStepResource extends UnitResource {
  step: StepRef;
}

/** An account: the unit it is scoped to and its role. */
export interface AccountResource extends UnitResource {
  role: Role;
}

export interface OwnAccountResource {
  userId: number;
}

/** A periodic report: who submits it (a unit, or a department of the province) and who receives it. */
export interface ReportResource {
  submitter: UnitResource;
  departmentCode: string | null;
  receiverUnitCode: string;
}

/** An obstacle of a unit: the level holding it and the criteria it is about. */
export interface ObstacleResource extends UnitResource {
  holder: string;
  criterionCodes: readonly string[];
}

/** A department's view of its criteria across its province (the unit is the province). */
export interface DepartmentResource extends UnitResource {
  departmentCode: string;
}
