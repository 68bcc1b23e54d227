import { parse } from "libpg-query";

/**
 * Reads SQL as PostgreSQL does (its own parser) and names the growing tables a statement reads
 * or writes without the province key, so that each statement can run on one shard of a database
 * sharded by `province_code` (Citus routes a statement by a constant on the distribution column).
 *
 * A table is keyed in its query block when a condition of that block (where, join on), joined by
 * `and` only, compares its `province_code` with a constant or parameter (`=`, `in (…)`,
 * `= any(…)`), or with the `province_code` of a table of the block that is keyed (a co-located
 * join). An insert names `province_code` among its columns. Each subquery, CTE and set operation
 * is a block of its own.
 */

type Node = Record<string, unknown>;

interface TableRef {
  table: string;
  alias: string;
}

const keyColumn = "province_code";

function isNode(value: unknown): value is Node {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The tables of a from clause (through joins, not into subqueries) and the joins' conditions. */
function fromItems(items: unknown[], growing: ReadonlySet<string>) {
  const tables: TableRef[] = [];
  const conditions: unknown[] = [];
  const visit = (item: unknown) => {
    if (!isNode(item)) return;
    const range = item.RangeVar;
    if (isNode(range)) {
      const table = String(range.relname);
      const alias = isNode(range.alias) ? String(range.alias.aliasname) : table;
      if (growing.has(table)) tables.push({ table, alias });
      return;
    }
    const join = item.JoinExpr;
    if (isNode(join)) {
      visit(join.larg);
      visit(join.rarg);
      if (join.quals) conditions.push(join.quals);
    }
  };
  for (const item of items) visit(item);
  return { tables, conditions };
}

function conjuncts(expression: unknown): unknown[] {
  if (!isNode(expression)) return [];
  const bool = expression.BoolExpr;
  if (isNode(bool) && bool.boolop === "AND_EXPR") return asList(bool.args).flatMap(conjuncts);
  return [expression];
}

/** `alias.province_code` (qualifier, or null when unqualified), else undefined. */
function keyReference(expression: unknown): string | null | undefined {
  if (!isNode(expression)) return undefined;
  const cast = expression.TypeCast;
  if (isNode(cast)) return keyReference(cast.arg);
  const ref = expression.ColumnRef;
  if (!isNode(ref)) return undefined;
  const fields = asList(ref.fields).map((field) =>
    isNode(field) && isNode(field.String) ? String(field.String.sval) : "*",
  );
  if (fields.at(-1) !== keyColumn) return undefined;
  return fields.length > 1 ? (fields.at(-2) as string) : null;
}

/** A value known before the statement runs: a parameter, a literal, a list or array of them. */
function isConstant(expression: unknown): boolean {
  if (!isNode(expression)) return false;
  if (isNode(expression.ParamRef) || isNode(expression.A_Const)) return true;
  const cast = expression.TypeCast;
  if (isNode(cast)) return isConstant(cast.arg);
  const list = expression.List;
  if (isNode(list)) return asList(list.items).every(isConstant);
  const array = expression.A_ArrayExpr;
  if (isNode(array)) return asList(array.elements).every(isConstant);
  return false;
}

/** The aliases a block's conditions key, by constant or through a keyed co-located join. */
function keyedAliases(conditions: unknown[], tables: TableRef[]): Set<string | null> {
  const keyed = new Set<string | null>();
  const joins: [string | null, string | null][] = [];
  for (const condition of conditions.flatMap(conjuncts)) {
    if (!isNode(condition) || !isNode(condition.A_Expr)) continue;
    const expression = condition.A_Expr;
    const operator = asList(expression.name).map((name) =>
      isNode(name) && isNode(name.String) ? name.String.sval : "",
    );
    const kinds = ["AEXPR_OP", "AEXPR_IN", "AEXPR_OP_ANY"];
    if (!kinds.includes(String(expression.kind)) || operator.join() !== "=") continue;
    const left = keyReference(expression.lexpr);
    const right = keyReference(expression.rexpr);
    if (left !== undefined && right !== undefined) joins.push([left, right]);
    else if (left !== undefined && isConstant(expression.rexpr)) keyed.add(left);
    else if (right !== undefined && isConstant(expression.lexpr)) keyed.add(right);
  }
  if (keyed.has(null) && tables.length === 1) keyed.add((tables[0] as TableRef).alias);
  for (let changed = true; changed;) {
    changed = false;
    for (const [left, right] of joins) {
      if (keyed.has(left) !== keyed.has(right)) {
        keyed.add(left);
        keyed.add(right);
        changed = true;
      }
    }
  }
  return keyed;
}

function unkeyedIn(tables: TableRef[], conditions: unknown[]): string[] {
  const keyed = keyedAliases(conditions, tables);
  return tables.filter((ref) => !keyed.has(ref.alias)).map((ref) => ref.table);
}

/** Every growing table of every block of a parsed statement that lacks the key. */
function unkeyedInTree(tree: unknown, growing: ReadonlySet<string>): string[] {
  const found: string[] = [];
  const add = (tables: string[]) => {
    for (const table of tables) found.push(table);
  };
  const walk = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    if (!isNode(value)) return;
    const select = value.SelectStmt;
    if (isNode(select)) {
      const { tables, conditions } = fromItems(asList(select.fromClause), growing);
      add(unkeyedIn(tables, [select.whereClause, ...conditions]));
    }
    const update = value.UpdateStmt;
    if (isNode(update)) {
      const own = fromItems([{ RangeVar: update.relation }], growing);
      const from = fromItems(asList(update.fromClause), growing);
      add(
        unkeyedIn(
          [...own.tables, ...from.tables],
          [update.whereClause, ...own.conditions, ...from.conditions],
        ),
      );
    }
    const remove = value.DeleteStmt;
    if (isNode(remove)) {
      const own = fromItems([{ RangeVar: remove.relation }], growing);
      const using = fromItems(asList(remove.usingClause), growing);
      add(
        unkeyedIn(
          [...own.tables, ...using.tables],
          [remove.whereClause, ...own.conditions, ...using.conditions],
        ),
      );
    }
    const insert = value.InsertStmt;
    if (isNode(insert) && isNode(insert.relation)) {
      const table = String(insert.relation.relname);
      const columns = asList(insert.cols).map((col) =>
        isNode(col) && isNode(col.ResTarget) ? col.ResTarget.name : undefined,
      );
      if (growing.has(table) && !columns.includes(keyColumn)) found.push(table);
    }
    for (const child of Object.values(value)) walk(child);
  };
  walk(tree);
  return [...new Set(found)];
}

/** The growing tables one SQL text reads or writes without the province key. */
export async function unkeyedTables(
  statement: string,
  growing: ReadonlySet<string>,
): Promise<string[]> {
  return unkeyedInTree(await parse(statement), growing);
}
