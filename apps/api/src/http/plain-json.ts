/**
 * Serialises an answer with `JSON.stringify` alone. The shared serializer parses every answer
 * with its zod schema again before writing it, which on the busiest reads (a scorecard, a
 * summary of hundreds of communes) costs as much as building the answer. Only for answers a
 * service builds field by field from the contract's own type; their tests check that the schema
 * takes the answer as it is (nothing it would drop or change).
 */
export function plainJsonSerializer() {
  return (data: unknown) => JSON.stringify(data);
}
