import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type Database } from "@ntm/db";
import { buildServer } from "../../http/build-server.ts";
import { startPostgres, type TestPostgres } from "../../test/postgres-server.ts";
import { loginAs, testPassword } from "../../test/test-app.ts";
import { importUnits } from "../units/index.ts";
import { createUser } from "../users/index.ts";
import { systemUser } from "./auth-user.ts";

/**
 * The session's statement, which every signed-in request runs, on a PostgreSQL server: sent as a
 * named statement, parsed and planned once per connection rather than on every request.
 */

const server = await startPostgres();
const unavailable = "unavailable" in server ? server.unavailable : undefined;
if (unavailable) console.warn(`session statement test skipped: ${unavailable}`);

let database: Database;
let app: FastifyInstance;
let dataDir: string;

beforeAll(async () => {
  if (unavailable) return;
  database = await createDatabase({ url: (server as TestPostgres).url });
  await importUnits(database.db, {
    user: systemUser,
    rows: [
      {
        code: "P01",
        name: "Tỉnh Thử Nghiệm",
        level: "province",
        validFrom: "2008-01-01",
        region: "TN",
        flags: [],
      },
    ],
  });
  await createUser(database.db, {
    input: { username: "tinh", password: testPassword, role: "province_admin", unitCode: "P01" },
    by: systemUser,
  });
  dataDir = mkdtempSync(join(tmpdir(), "ntm-session-statement-"));
  app = await buildServer({ database, dataDir });
});
afterAll(async () => {
  if (unavailable) return;
  await app.close();
  await database.close();
  await (server as TestPostgres).close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe.skipIf(unavailable !== undefined)("the session's statement", () => {
  it("is parsed once on a connection, not again for each request", async () => {
    const cookie = await loginAs(app, "tinh");
    const connection = pg.Connection.prototype as unknown as {
      parse: (query: { text: string }) => void;
    };
    const parse = connection.parse;
    const parsed: string[] = [];
    connection.parse = function (this: unknown, query) {
      parsed.push(query.text);
      parse.call(this, query);
    };
    try {
      for (let request = 0; request < 5; request++) {
        const me = await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie } });
        expect(me.statusCode).toBe(200);
        expect(me.json()).toMatchObject({ username: "tinh" });
        // A read that may be served kept: the same statement also reads the answer's generation.
        const summary = await app.inject({
          method: "GET",
          url: "/api/units/P01/summary?year=2024",
          headers: { cookie },
        });
        expect(summary.statusCode).toBeLessThan(500);
      }
    } finally {
      connection.parse = parse;
    }
    // The requests ran one after another, so on one connection of the pool: each of the
    // statement's two forms (with and without the generation) is parsed once.
    expect(parsed.filter((text) => text.includes('from "sessions" s'))).toHaveLength(2);
  });
});
