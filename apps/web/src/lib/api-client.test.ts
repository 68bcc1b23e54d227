import { afterEach, describe, expect, it, vi } from "vitest";
import { unitListSchema } from "@ntm/contracts";
import { apiRequest, isApiError } from "./api-client.ts";

const unit = {
  code: "X01",
  name: "Xã Một",
  level: "commune",
  parentCode: "D01",
  validFrom: "2008-01-01",
  validTo: null,
  region: "TN",
  communeGroup: null,
  flags: [],
  assessed: true,
};

function answer(body: unknown, status = 200) {
  vi.stubGlobal(
    "fetch",
    vi.fn(async () => new Response(JSON.stringify(body), { status })),
  );
}

afterEach(() => vi.unstubAllGlobals());

describe("apiRequest with the route's response schema", () => {
  it("returns the answer checked and typed by the schema", async () => {
    answer({ asOf: "2024-12-31", units: [unit] });
    const list = await apiRequest("/api/units", { schema: unitListSchema });
    expect(list.units[0]?.code).toBe("X01");
  });

  it("refuses an answer that does not have the route's shape", async () => {
    answer({ asOf: "2024-12-31", units: [{ ...unit, level: "hamlet" }] });
    const failure = await apiRequest("/api/units", { schema: unitListSchema }).catch(
      (error: unknown) => error,
    );
    expect(isApiError(failure, "BAD_RESPONSE")).toBe(true);
  });

  it("still turns an error body into the server's message", async () => {
    answer({ error: { code: "FORBIDDEN", message: "Không có quyền." } }, 403);
    const failure = await apiRequest("/api/units", { schema: unitListSchema }).catch(
      (error: unknown) => error,
    );
    expect(isApiError(failure, "FORBIDDEN")).toBe(true);
  });
});
