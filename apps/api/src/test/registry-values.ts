import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { queryRows, type Db } from "@ntm/db";
import { multipartBody, multipartContentType } from "./multipart.ts";

/** A request with a signed-in user's session cookie. */
export function callAs(
  app: FastifyInstance,
  cookie: string | undefined,
  method: "GET" | "POST" | "PUT",
  url: string,
  payload?: object,
) {
  return app.inject({
    method,
    url,
    headers: { cookie: cookie ?? "" },
    ...(payload ? { payload } : {}),
  });
}

/** A commune's values saved from its scorecard, with the version read; in English when asked. */
export function saveValues(
  app: FastifyInstance,
  cookie: string | undefined,
  target: { unitCode: string; year: number; language?: "en" },
  body: { version: number; values: { indicatorCode: string; value: number | boolean }[] },
) {
  return app.inject({
    method: "PUT",
    url: `/api/units/${target.unitCode}/assessments/${target.year}/values`,
    headers: {
      cookie: cookie ?? "",
      ...(target.language ? { "accept-language": target.language } : {}),
    },
    payload: body,
  });
}

/** A value file (CSV) sent to the import as an office sends it. */
export function importValueFile(app: FastifyInstance, cookie: string | undefined, content: string) {
  return app.inject({
    method: "POST",
    url: "/api/import/values",
    headers: { cookie: cookie ?? "", "content-type": multipartContentType },
    payload: multipartBody({}, { name: "so-lieu.csv", content: Buffer.from(content) }),
  });
}

/** One stored value of a commune as written (a number or a yes/no), with its note and writer. */
export async function storedValue(db: Db, unitCode: string, year: number, indicatorCode: string) {
  const [row] = await queryRows<{
    num: number | null;
    bool: boolean | null;
    note: string | null;
    by: string;
  }>(
    db,
    sql`select num_value::float8 as num, bool_value as bool, note, updated_by as "by"
          from assessment_values
         where unit_code = ${unitCode} and year = ${year} and indicator_code = ${indicatorCode}`,
  );
  return row && { value: row.num ?? row.bool, note: row.note, by: row.by };
}
