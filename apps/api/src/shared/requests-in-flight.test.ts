import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { countRequestsInFlight, whenRequestsDone } from "./requests-in-flight.ts";

describe("requests in flight", () => {
  it("lets bulk work wait until the requests being answered are done", async () => {
    const app = Fastify();
    countRequestsInFlight(app);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const events: string[] = [];
    let arrived: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => (arrived = resolve));
    app.get("/slow", async () => {
      arrived();
      await held;
      events.push("answered");
      return { ok: true };
    });
    await app.ready();
    const request = app.inject({ method: "GET", url: "/slow" });
    await inside;
    const waiting = whenRequestsDone(60_000).then(() => events.push("bulk resumed"));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual([]);
    release();
    expect((await request).statusCode).toBe(200);
    await waiting;
    expect(events).toEqual(["answered", "bulk resumed"]);
    // With nothing in flight it goes on at once.
    await whenRequestsDone(60_000);
    await app.close();
  });

  it("never waits longer than asked, so a long request does not stop bulk work", async () => {
    const app = Fastify();
    countRequestsInFlight(app);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let arrived: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => (arrived = resolve));
    app.get("/stream", async () => {
      arrived();
      await held;
      return { ok: true };
    });
    await app.ready();
    const request = app.inject({ method: "GET", url: "/stream" });
    await inside;
    let answered = false;
    void request.then(() => (answered = true));
    await whenRequestsDone(10);
    expect(answered).toBe(false);
    release();
    await request;
    await app.close();
  });
});
