/** Why an action is allowed or refused, as a stable code the API can translate. */
export type DecisionCode =
  | "allowed"
  | "system"
  | "out_of_scope"
  | "read_only"
  | "role_not_allowed"
  | "front_no_values"
  | "criterion_not_assigned"
  | "not_step_role"
  | "system_only"
  | "other_province"
  | "not_submitter"
  | "not_receiver"
  | "not_holder"
  | "other_department"
  | "not_own_account";

export interface Decision {
  allowed: boolean;
  /** Why, in Vietnamese; shown to the user on a denial. */
  reason: string;
  code: DecisionCode;
}

export const allow = (reason: string, code: DecisionCode = "allowed"): Decision => ({
  allowed: true,
  reason,
  code,
});

export const deny = (code: DecisionCode, reason: string): Decision => ({
  allowed: false,
  reason,
  code,
});
