import { can, type Action, type DecisionCode, type ResourceArgs } from "@ntm/domain";
import { AppError } from "../http/app-error.ts";
import { actorOf, type AuthUser } from "../features/auth/auth-user.ts";

/** The English text of each refusal, for clients that ask for English. */
const english: Record<DecisionCode, string> = {
  allowed: "Allowed.",
  system: "Allowed to the system.",
  out_of_scope: "This unit is outside your scope.",
  read_only: "Your account can only read.",
  role_not_allowed: "Your role may not do this.",
  front_no_values:
    "The Fatherland Front comments and surveys residents; it does not change values.",
  criterion_not_assigned: "This criterion is not assigned to your department.",
  not_step_role: "Another role acts on this step.",
  system_only: "Only the command line may do this.",
  other_province: "This belongs to another province.",
  not_submitter: "Only the submitting unit may do this.",
  not_receiver: "Only the receiving office may do this.",
  not_holder: "Another level holds this obstacle.",
  other_department: "This belongs to another department.",
  not_own_account: "You may do this only for your own account.",
};

/** Whether the user may take the action, as the access policy decides. */
export function allows<A extends Action>(
  user: AuthUser,
  action: A,
  ...resource: ResourceArgs<A>
): boolean {
  return can(actorOf(user), action, ...resource).allowed;
}

/** Refuses (403 FORBIDDEN, with the policy's reason) an action the access policy does not allow. */
export function assertCan<A extends Action>(
  user: AuthUser,
  action: A,
  ...resource: ResourceArgs<A>
): void {
  const decision = can(actorOf(user), action, ...resource);
  if (!decision.allowed) {
    throw new AppError({ code: "FORBIDDEN", vi: decision.reason, en: english[decision.code] });
  }
}
