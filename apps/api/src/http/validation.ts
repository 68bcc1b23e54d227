import type { FastifySchemaCompiler, FastifySchemaValidationError } from "fastify";
import { z } from "zod";
import { safeParse, type $ZodType } from "zod/v4/core";
import { englishValidationMessage } from "@ntm/contracts";

/** A failed check of a request part, with its message in both languages. */
export interface ValidationIssue extends FastifySchemaValidationError {
  message: string;
  params: { english: string };
}

const vietnamese = z.locales.vi().localeError;
const english = z.locales.en().localeError;
type RawIssue = Parameters<typeof english>[0];

const localeText = (localeError: typeof english, issue: RawIssue) => {
  const made = localeError(issue);
  return typeof made === "string" ? made : made?.message;
};

/**
 * The English of an issue: from the shared list of schema messages, or zod's English locale for
 * a message the schema left to zod (recognised because the Vietnamese locale gives the same text).
 */
function englishOf(issue: z.core.$ZodIssue): string {
  const known = englishValidationMessage(issue.message);
  if (known) return known;
  const raw = issue as unknown as RawIssue;
  return localeText(vietnamese, raw) === issue.message
    ? (localeText(english, raw) ?? issue.message)
    : issue.message;
}

/**
 * Validates request parts with their zod schemas, keeping the input on each issue only long
 * enough to word the English message ("received string") the way zod words the Vietnamese one.
 */
export const validatorCompiler: FastifySchemaCompiler<$ZodType> =
  ({ schema }) =>
  (data) => {
    const result = safeParse(schema, data, { reportInput: true });
    if (result.success) return { value: result.data };
    const issues: ValidationIssue[] = result.error.issues.map((issue) => ({
      keyword: issue.code,
      instancePath: `/${issue.path.map(String).join("/")}`,
      schemaPath: `#/${issue.path.map(String).join("/")}/${issue.code}`,
      message: issue.message,
      params: { english: englishOf(issue) },
    }));
    return { error: issues };
  };

export function isValidationError(
  error: unknown,
): error is { validation: ValidationIssue[]; validationContext?: string } {
  const validation = (error as { validation?: unknown }).validation;
  return (
    Array.isArray(validation) &&
    validation.length > 0 &&
    typeof (validation[0] as ValidationIssue).params?.english === "string"
  );
}
