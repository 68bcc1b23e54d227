import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { apiRequest, requestEarly } from "./api-client.ts";

let calls: { url: string; method: string }[];

beforeEach(() => {
  calls = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, method: init?.method ?? "GET" });
      return new Response(JSON.stringify({ n: calls.length }), { status: 200 });
    }),
  );
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("an answer requested early", () => {
  it("is taken by the page's own request instead of asking again, once", async () => {
    requestEarly("/api/units/X01/scorecard?year=2024");
    expect(calls).toHaveLength(1);
    expect(await apiRequest("/api/units/X01/scorecard?year=2024")).toEqual({ n: 1 });
    expect(calls).toHaveLength(1);
    expect(await apiRequest("/api/units/X01/scorecard?year=2024")).toEqual({ n: 2 });
    expect(calls).toHaveLength(2);
  });

  it("is never taken by a write to the same path", async () => {
    requestEarly("/api/units/X01/notes");
    await apiRequest("/api/units/X01/notes", { method: "POST", json: {} });
    expect(calls.map((call) => call.method)).toEqual(["GET", "POST"]);
  });

  it("is dropped when nobody took it soon enough", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    requestEarly("/api/units/X01");
    vi.setSystemTime(Date.now() + 60_000);
    await apiRequest("/api/units/X01");
    expect(calls).toHaveLength(2);
  });
});
