import type { ScorecardResponse } from "@ntm/contracts";
import type { ServerSide } from "./outbox-plan.ts";

/** Every indicator value a scorecard answer holds, with its version and who changed what when. */
export function serverSideOf(answer: ScorecardResponse): ServerSide {
  return { version: answer.assessment.version, values: answer.values, entries: answer.entries };
}
