import { sql, type SQL } from "drizzle-orm";

/** A value of one array element; null is SQL NULL. */
export type ArrayElement = string | number | boolean | null;

export type ArrayType = "text" | "smallint" | "integer" | "double precision" | "boolean" | "date";

const specialInArray = /[\\"]/;

function element(value: ArrayElement): string {
  if (value === null) return "NULL";
  // A number or a boolean has no character the array syntax would read otherwise.
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  // Quoted, so commas, braces, spaces and the word NULL stay text.
  return `"${specialInArray.test(value) ? value.replace(/[\\"]/g, "\\$&") : value}"`;
}

/** The text form of an array (`{"a","b",NULL}`), as PostgreSQL reads it for any element type. */
export function arrayLiteral(values: readonly ArrayElement[]): string {
  return `{${values.map(element).join(",")}}`;
}

/**
 * A whole column of rows as one parameter, cast to an array of `type`. A statement that reads its
 * rows with `unnest(column, column, …)` has one parameter per column, whatever the number of
 * rows, so neither the statement nor the server's parsing and planning grow with the rows (a
 * VALUES list has a parameter per cell), and both drivers send it the same way.
 */
export function sqlArray(values: readonly ArrayElement[], type: ArrayType): SQL {
  return sql`${arrayLiteral(values)}::${sql.raw(type)}[]`;
}
