/** A set version by id: the same URL for every scorecard of that version, kept for good. */
export function setVersionPath(id: number): string {
  return `/api/catalog/sets/${id}`;
}

/** The set version a scorecard answer names, read before the answer's schema has loaded. */
export function setVersionOf(answer: unknown): number | null {
  if (typeof answer !== "object" || answer === null) return null;
  const set = (answer as { set?: { id?: unknown } }).set;
  return typeof set?.id === "number" ? set.id : null;
}
