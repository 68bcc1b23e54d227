import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actions, can, roles, type Action, type Role } from "@ntm/domain";
import type { AuthUser } from "../../features/auth/index.ts";
import { AppError } from "../../http/app-error.ts";
import { probes, type Case } from "./probes.ts";
import { accountOf, buildWorld, type World } from "./world.ts";

/**
 * The access matrix: for every action of the policy table, every role and each side (a commune
 * in every account's scope, one of another province), the server answers as `can` decides.
 * A leak is an action let through where the table refuses it; an over-denial the reverse.
 */
let world: World;

beforeAll(async () => {
  world = await buildWorld();
});
afterAll(() => world?.t.close());

type Outcome = "allow" | "deny" | `unexpected ${string}`;

function outcomeOf(c: Case<Action>, response: LightMyRequestResponse): Outcome {
  const status = response.statusCode;
  if (c.passes?.(response) ?? (status >= 200 && status < 300 && !c.shows)) return "allow";
  if (c.shows && status >= 200 && status < 300) return c.shows(response) ? "allow" : "deny";
  // A resource outside the scope may be hidden (404) rather than refused (403).
  if (status === 403 || status === 404) return "deny";
  return `unexpected ${status} ${response.body.slice(0, 200)}`;
}

function accountUser(world: World, role: Role): AuthUser {
  const actor = world.actors[role];
  return {
    id: actor.userId as number,
    username: accountOf[role],
    displayName: accountOf[role],
    role,
    unitCode: actor.unitCode,
    departmentName: null,
    departmentCode: actor.departmentCode ?? null,
    criteria: [...(actor.criteria ?? [])],
    mustChangePassword: false,
  };
}

async function observe(role: Role, c: Case<Action>): Promise<Outcome> {
  if (c.service) {
    try {
      await c.service(accountUser(world, role));
      return "allow";
    } catch (error) {
      if (error instanceof AppError && error.code === "FORBIDDEN") return "deny";
      return `unexpected ${String(error)}`;
    }
  }
  const username = c.as?.username ?? accountOf[role];
  const response = await world.call(username, c.request as never);
  return outcomeOf(c, response);
}

describe("access matrix: every action × role × scope over HTTP, as the policy table decides", () => {
  it("has a probe for every action of the table", () => {
    expect(Object.keys(probes).sort()).toEqual([...actions].sort());
  });

  it.each(actions)("%s", async (action) => {
    const probe = probes[action];
    const expected: Record<string, Outcome> = {};
    const observed: Record<string, Outcome> = {};
    for (const role of roles) {
      for (const side of probe.sides) {
        const c = (await probe.prepare(world, role, side)) as Case<Action>;
        const actor = c.as?.actor ?? world.actors[role];
        const key = `${role} ${side}`;
        expected[key] = can(actor, action, ...(c.resource as [never])).allowed ? "allow" : "deny";
        observed[key] = await observe(role, c);
      }
    }
    // Both leaks (allow where "deny" is expected) and over-denials show in this one comparison.
    expect(observed).toEqual(expected);
  });
});
