import type { z } from "zod";

/**
 * The form fields a failed parse of a shared schema names (by the issue's first path segment), so each field
 * shows its message in the UI's language while the rule itself stays the API's.
 */
export function invalidFields<F extends string>(error: z.ZodError, fields: readonly F[]): ReadonlySet<F> {
  const named = new Set(error.issues.map((issue) => String(issue.path[0])));
  return new Set(fields.filter((field) => named.has(field)));
}
