import type { z } from "zod";
import type { ErrorBody, ErrorCode } from "@ntm/contracts";

export type ApiErrorCode = ErrorCode | "NETWORK" | "BAD_RESPONSE";

export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** An API failure carrying the server's Vietnamese message, ready to show. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly details: ApiErrorDetail[];

  constructor(status: number, code: ApiErrorCode, message: string, details: ApiErrorDetail[] = []) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

let requestLanguage = "vi";

/** The API answers errors in the language asked for; the UI asks in its own. */
export function setApiLanguage(language: string): void {
  requestLanguage = language;
}

const networkMessage = "Không kết nối được máy chủ. Kiểm tra kết nối mạng rồi thử lại.";

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== "object" || body === null || !("error" in body)) return false;
  const error = (body as { error: unknown }).error;
  return typeof error === "object" && error !== null && "message" in error;
}

function fallbackMessage(status: number): string {
  if (status === 401) return "Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.";
  if (status === 403) return "Tài khoản của bạn không có quyền thực hiện thao tác này.";
  if (status === 404) return "Không tìm thấy dữ liệu yêu cầu.";
  if (status === 413) return "Tệp quá lớn.";
  if (status >= 500) return "Máy chủ gặp lỗi. Vui lòng thử lại sau ít phút.";
  return `Yêu cầu không thành công (mã ${status}).`;
}

/** An answer's text as JSON; the text itself when it is not JSON (a proxy's error page). */
export function parseBody(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * The failure an answer carries: the server's code, message and details from its error body, or
 * a Vietnamese message for the status when the body is not one (a proxy's page, an empty answer).
 */
export function apiErrorOf(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    const { code, message, details } = body.error;
    return new ApiError(status, code, message, details ?? []);
  }
  return new ApiError(status, "BAD_RESPONSE", fallbackMessage(status));
}

/** A request that never reached the server. */
export function networkError(): ApiError {
  return new ApiError(0, "NETWORK", networkMessage);
}

export interface ApiRequest {
  method?: "GET" | "POST" | "PUT" | "DELETE";
  /** The route's response schema from the contracts: the answer is checked and typed by it. */
  schema?: z.ZodType;
  /** Sent as JSON. */
  json?: unknown;
  /** Sent as multipart/form-data. */
  form?: FormData;
  signal?: AbortSignal;
}

const badResponseMessage = "Máy chủ trả lời không đúng dạng. Vui lòng tải lại trang.";

const early = new Map<string, { at: number; response: Promise<Response> }>();
// An early answer nobody took within this time is dropped: a later read must be fresh.
const earlyKeepMs = 30_000;

/**
 * Sends a GET the page will make once its code has arrived, so the answer is on its way while the
 * code loads; the page's own request then takes it (once) instead of asking again.
 */
export function requestEarly(path: string): void {
  if (early.has(path)) return;
  const response = fetch(path, {
    headers: { Accept: "application/json", "Accept-Language": requestLanguage },
    credentials: "same-origin",
  });
  response.catch(() => undefined);
  early.set(path, { at: Date.now(), response });
}

/**
 * The body of an early answer, read without taking it: a first paint drawn before the page's
 * code. Null when nothing was requested early for `path`, or the answer is not a success.
 */
export function peekEarly(path: string): Promise<unknown> | null {
  const entry = early.get(path);
  if (!entry) return null;
  return entry.response
    .then((response) => (response.ok ? (response.clone().json() as Promise<unknown>) : null))
    .catch(() => null);
}

function takeEarly(path: string): Promise<Response> | null {
  const entry = early.get(path);
  if (!entry) return null;
  early.delete(path);
  return Date.now() - entry.at < earlyKeepMs ? entry.response : null;
}

/** Calls the API on the same origin with the session cookie and turns error bodies into ApiError. */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  request: ApiRequest & { schema: S },
): Promise<z.output<S>>;
/** An answer without a schema (files, streams) is the caller's to read. */
export async function apiRequest<T>(path: string, request?: ApiRequest): Promise<T>;
export async function apiRequest(path: string, request: ApiRequest = {}): Promise<unknown> {
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Language": requestLanguage,
  };
  let body: BodyInit | undefined;
  if (request.json !== undefined) {
    headers["Content-Type"] = "application/json";
    body = JSON.stringify(request.json);
  } else if (request.form) {
    body = request.form;
  }
  let response: Response;
  try {
    const taken = request.method === undefined || request.method === "GET" ? takeEarly(path) : null;
    response = await (taken ??
      fetch(path, {
        method: request.method ?? "GET",
        headers,
        body,
        credentials: "same-origin",
        signal: request.signal,
      }));
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw networkError();
  }
  const data = parseBody(await response.text());
  if (!response.ok) throw apiErrorOf(response.status, data);
  if (!request.schema) return data;
  return checkAnswer(request.schema, data, response.status);
}

/** An answer read without its schema, checked once the schema is there. */
export function checkAnswer<S extends z.ZodType>(
  schema: S,
  data: unknown,
  status = 200,
): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ApiError(status, "BAD_RESPONSE", badResponseMessage);
  return parsed.data;
}

/** Builds "/api/path?a=1&b=2", leaving out empty parameters. */
export function apiPath(
  path: string,
  params: Record<string, string | number | undefined | null> = {},
): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** A message to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "Đã có lỗi không mong muốn. Vui lòng tải lại trang.";
}
