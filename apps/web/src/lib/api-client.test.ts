import { afterEach, describe, expect, it, vi } from "vitest";
import { unitListSchema } from "@ntm/contracts";
import { apiErrorOf, apiRequest, isApiError, networkError, parseBody } from "./api-client.ts";

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

describe("apiErrorOf, for answers read without fetch (uploads with progress)", () => {
  it("keeps the server's code, message and details", () => {
    const error = apiErrorOf(400, {
      error: {
        code: "VALIDATION_FAILED",
        message: "Tệp không hợp lệ.",
        details: [{ path: "file", message: "Thiếu tệp." }],
      },
    });
    expect(error).toMatchObject({
      status: 400,
      code: "VALIDATION_FAILED",
      message: "Tệp không hợp lệ.",
      details: [{ path: "file", message: "Thiếu tệp." }],
    });
  });

  it("words an answer without an error body in Vietnamese by its status", () => {
    expect(apiErrorOf(502, parseBody("<html>Bad Gateway</html>"))).toMatchObject({
      code: "BAD_RESPONSE",
      message: "Máy chủ gặp lỗi. Vui lòng thử lại sau ít phút.",
    });
    expect(apiErrorOf(413, parseBody(""))).toMatchObject({ message: "Tệp quá lớn." });
    expect(apiErrorOf(409, null).message).toBe("Yêu cầu không thành công (mã 409).");
  });

  it("says a request that never reached the server is a network failure", () => {
    expect(isApiError(networkError(), "NETWORK")).toBe(true);
  });
});
