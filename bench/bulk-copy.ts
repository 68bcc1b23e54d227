import type { PGlite, Transaction } from "@electric-sql/pglite";
import pg from "pg";
import type { Database } from "@ntm/db";

/** One row of a COPY: text, numbers, booleans or null (an empty unquoted CSV field). */
export type CopyCell = string | number | boolean | null;

/** A writer that appends rows to a table with COPY … FROM, batch by batch, in one transaction. */
export interface CopyWriter {
  copy: (table: string, columns: readonly string[], rows: readonly CopyCell[][]) => Promise<void>;
  execute: (statement: string) => Promise<void>;
}

function csvCell(cell: CopyCell): string {
  if (cell === null) return "";
  if (typeof cell === "boolean") return cell ? "t" : "f";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "NaN";
  return /[",\n\r]/.test(cell) || cell === "" ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The rows as CSV (COPY's CSV format: empty unquoted field = NULL, "" = empty string). */
export function toCsv(rows: readonly CopyCell[][]): string {
  let text = "";
  for (const row of rows) text += `${row.map(csvCell).join(",")}\n`;
  return text;
}

function copyStatement(table: string, columns: readonly string[], source: string): string {
  return `copy ${table} (${columns.join(", ")}) from ${source} with (format csv)`;
}

/** The client under the product's Drizzle handle (drizzle keeps it as `$client`). */
function clientOf<T>(database: Database): T {
  return (database.db as unknown as { $client: T }).$client;
}

/**
 * PostgreSQL `COPY … FROM STDIN` over the `pg` client without pg-copy-streams: the query answers
 * the server's CopyInResponse with the CSV as CopyData messages, then CopyDone.
 */
class CopyFromStdin extends pg.Query {
  constructor(
    text: string,
    private readonly data: Buffer,
    callback: (error: Error | undefined) => void,
  ) {
    super(text, callback);
  }

  handleCopyInResponse(connection: {
    sendCopyFromChunk: (chunk: Buffer) => void;
    endCopyFrom: () => void;
  }): void {
    const chunkSize = 1 << 20;
    for (let start = 0; start < this.data.length; start += chunkSize) {
      connection.sendCopyFromChunk(this.data.subarray(start, start + chunkSize));
    }
    connection.endCopyFrom();
  }
}

/** Runs `work` with a COPY writer inside one transaction on the database's own client. */
export async function withCopyWriter<T>(
  database: Database,
  work: (writer: CopyWriter) => Promise<T>,
): Promise<T> {
  if (database.kind === "pglite") {
    const client = clientOf<PGlite>(database);
    return client.transaction(async (tx: Transaction) =>
      work({
        copy: async (table, columns, rows) => {
          await tx.query(copyStatement(table, columns, "'/dev/blob'"), [], {
            blob: new Blob([toCsv(rows)]),
          });
        },
        execute: async (statement) => {
          await tx.exec(statement);
        },
      }),
    );
  }
  const pool = clientOf<pg.Pool>(database);
  const client = await pool.connect();
  try {
    await client.query("begin");
    const result = await work({
      copy: (table, columns, rows) =>
        new Promise<void>((resolve, reject) => {
          const data = Buffer.from(toCsv(rows));
          client.query(
            new CopyFromStdin(copyStatement(table, columns, "stdin"), data, (error) =>
              error ? reject(error) : resolve(),
            ),
          );
        }),
      execute: async (statement) => {
        await client.query(statement);
      },
    });
    await client.query("commit");
    return result;
  } catch (error) {
    await client.query("rollback").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
