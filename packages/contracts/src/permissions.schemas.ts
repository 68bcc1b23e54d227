import { z } from "zod";
import type { Action } from "@ntm/domain";

/**
 * The actions a client needs to know before it shows a write control: each is answered by the
 * access policy for the user's own unit (and so for its scope). Controls on one resource read
 * that resource's own flags (a scorecard's `permissions`, a dossier's or a plan's `can`).
 */
export const permissionActions = [
  "assessment.write",
  "values.import",
  "obstacle.raise",
  "dossier.batch.create",
  "dossier.overdue.read",
  "merger.decide",
  "report_type.create",
  "report.period.open",
  "report.consolidate",
  "target.write",
  "plan.write",
  "user.create",
  "catalog.import",
  "regime.import",
  "job.read",
  "job.start",
  "feedback.read",
  "publication.set",
] as const satisfies readonly Action[];
export type PermissionAction = (typeof permissionActions)[number];

export const permissionsSchema = z.record(z.enum(permissionActions), z.boolean());
export type Permissions = z.infer<typeof permissionsSchema>;
