import type { FastifyInstance } from "fastify";
import { buildServer } from "../http/build-server.ts";
import { loadConfig } from "../shared/config.ts";
import { fixedNow, testPassword, type TestApp } from "./test-app.ts";

/** A clock a test moves by hand. */
export class TestClock {
  private at: number;
  constructor(start: Date = fixedNow) {
    this.at = start.getTime();
  }
  now = () => new Date(this.at);
  advanceMinutes(minutes: number) {
    this.at += minutes * 60_000;
  }
}

/**
 * A second server on the test app's database, configured from environment variables as the
 * server is at start, with its own clock: as another API process would run beside the first.
 */
export async function configuredServer(
  t: TestApp,
  environment: Record<string, string> = {},
  clock = new TestClock(),
): Promise<FastifyInstance> {
  return buildServer({
    database: t.database,
    dataDir: t.dataDir,
    config: loadConfig(environment),
    now: clock.now,
  });
}

export function sessionCookieOf<C extends { name: string; value: string }>(response: {
  cookies: C[];
}): C | undefined {
  return response.cookies.find((cookie) => cookie.name === "ntm_session");
}

/** Logs in on a given server and returns the cookie header, or throws with the answer. */
export async function loginOn(
  app: FastifyInstance,
  username: string,
  password = testPassword,
): Promise<string> {
  const response = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { username, password },
  });
  if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.body}`);
  return `ntm_session=${sessionCookieOf(response)?.value}`;
}
