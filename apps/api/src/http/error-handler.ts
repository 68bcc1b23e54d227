import type { Socket } from "node:net";
import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { ErrorBody, ErrorCode } from "@ntm/contracts";
import { AppError, statusOf, type ErrorDetail } from "./app-error.ts";
import { isValidationError, type ValidationIssue } from "./validation.ts";

export function prefersEnglish(request: Pick<FastifyRequest, "headers">): boolean {
  const header = request.headers["accept-language"] ?? "";
  return /^en\b/i.test(String(header).trim());
}

export function errorBody(code: ErrorCode, message: string, details?: ErrorDetail[]): ErrorBody {
  return { error: { code, message, ...(details && details.length ? { details } : {}) } };
}

interface Known {
  code: ErrorCode;
  status?: number;
  vi: string;
  en: string;
}

const badMultipart: Known = {
  code: "VALIDATION_FAILED",
  vi: "Dữ liệu tải lên (multipart/form-data) không đúng định dạng hoặc bị cắt ngang; hãy gửi lại tệp.",
  en: "The upload (multipart/form-data) is malformed or was cut short; send the file again.",
};

/** Errors raised by Fastify and its plugins before or around a route, by their code. */
const frameworkErrors: Record<string, Known> = {
  FST_ERR_BAD_URL: {
    code: "VALIDATION_FAILED",
    vi: "Đường dẫn yêu cầu không hợp lệ (ký tự mã hóa % sai).",
    en: "The request path is malformed (a bad % escape).",
  },
  FST_ERR_INVALID_URL: {
    code: "VALIDATION_FAILED",
    vi: "Đường dẫn yêu cầu không hợp lệ.",
    en: "The request path is malformed.",
  },
  FST_ERR_MAX_PARAM_LENGTH: {
    code: "VALIDATION_FAILED",
    status: 414,
    vi: "Một phần của đường dẫn quá dài (tối đa 100 ký tự).",
    en: "A part of the request path is too long (at most 100 characters).",
  },
  FST_ERR_ASYNC_CONSTRAINT: {
    code: "VALIDATION_FAILED",
    vi: "Yêu cầu không hợp lệ.",
    en: "The request is invalid.",
  },
  FST_ERR_NOT_FOUND: {
    code: "NOT_FOUND",
    vi: "Không tìm thấy đường dẫn yêu cầu.",
    en: "No such path.",
  },
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: "PAYLOAD_TOO_LARGE",
    vi: "Dữ liệu gửi lên quá lớn.",
    en: "The request body is too large.",
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    code: "VALIDATION_FAILED",
    vi: "Độ dài dữ liệu gửi lên không khớp với tiêu đề Content-Length.",
    en: "The body does not match its Content-Length header.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "UNSUPPORTED_MEDIA_TYPE",
    vi: "Định dạng dữ liệu không được hỗ trợ; hãy gửi JSON (application/json) hoặc tệp (multipart/form-data).",
    en: "Unsupported media type; send JSON (application/json) or a file (multipart/form-data).",
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    code: "VALIDATION_FAILED",
    vi: "Nội dung JSON không hợp lệ.",
    en: "The JSON body is malformed.",
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    code: "VALIDATION_FAILED",
    vi: "Thiếu nội dung yêu cầu.",
    en: "The request body is empty.",
  },
  FST_REQ_FILE_TOO_LARGE: {
    code: "PAYLOAD_TOO_LARGE",
    vi: "Tệp quá lớn.",
    en: "The file is too large.",
  },
  FST_PARTS_LIMIT: {
    code: "PAYLOAD_TOO_LARGE",
    vi: "Biểu mẫu tải lên có quá nhiều phần.",
    en: "The upload has too many parts.",
  },
  FST_FILES_LIMIT: {
    code: "PAYLOAD_TOO_LARGE",
    vi: "Chỉ gửi một tệp mỗi lần.",
    en: "Send one file at a time.",
  },
  FST_FIELDS_LIMIT: {
    code: "PAYLOAD_TOO_LARGE",
    vi: "Biểu mẫu tải lên có quá nhiều trường.",
    en: "The upload has too many fields.",
  },
  FST_PROTO_VIOLATION: {
    code: "VALIDATION_FAILED",
    vi: "Tên trường của biểu mẫu tải lên không hợp lệ.",
    en: "A field name of the upload is not allowed.",
  },
  FST_INVALID_JSON_FIELD_ERROR: {
    code: "VALIDATION_FAILED",
    vi: "Một trường JSON của biểu mẫu tải lên không hợp lệ.",
    en: "A JSON field of the upload is malformed.",
  },
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    code: "UNSUPPORTED_MEDIA_TYPE",
    vi: "Cần gửi tệp dạng multipart/form-data.",
    en: "Expected multipart/form-data.",
  },
  FST_MP_PREMATURE_CLOSE: badMultipart,
};

/** What a status alone says, for errors of plugins without a code of their own. */
const byStatus: Record<number, Known> = {
  400: { code: "VALIDATION_FAILED", vi: "Yêu cầu không hợp lệ.", en: "The request is invalid." },
  401: { code: "UNAUTHENTICATED", vi: "Bạn cần đăng nhập.", en: "You need to sign in." },
  403: {
    code: "FORBIDDEN",
    vi: "Bạn không có quyền thực hiện việc này.",
    en: "You are not allowed to do this.",
  },
  404: frameworkErrors.FST_ERR_NOT_FOUND!,
  405: {
    code: "NOT_FOUND",
    status: 405,
    vi: "Đường dẫn này không nhận phương thức yêu cầu.",
    en: "This path does not accept the request method.",
  },
  406: {
    code: "UNSUPPORTED_MEDIA_TYPE",
    status: 406,
    vi: "Không trả lời được theo định dạng yêu cầu (tiêu đề Accept).",
    en: "The requested format (Accept header) cannot be served.",
  },
  409: {
    code: "CONFLICT",
    vi: "Yêu cầu xung đột với dữ liệu hiện có.",
    en: "The request conflicts with the stored data.",
  },
  413: frameworkErrors.FST_ERR_CTP_BODY_TOO_LARGE!,
  414: frameworkErrors.FST_ERR_MAX_PARAM_LENGTH!,
  415: frameworkErrors.FST_ERR_CTP_INVALID_MEDIA_TYPE!,
  431: {
    code: "VALIDATION_FAILED",
    status: 431,
    vi: "Tiêu đề yêu cầu quá lớn.",
    en: "The request headers are too large.",
  },
};

/** Errors of the multipart parser, which carry neither a code nor a status. */
const multipartParserError =
  /^(Multipart: |Unexpected end of (multipart data|form)|Malformed part header|Part terminated early|.* terminated early due to unexpected end of multipart data)/;

/** PostgreSQL "data exception" (class 22): a value the database cannot take, sent by a client. */
function isDataException(error: unknown): boolean {
  for (let current = error; current && typeof current === "object";) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^22[0-9A-Z]{3}$/.test(code)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const where: Record<string, { vi: string; en: string }> = {
  body: { vi: "trường", en: "field" },
  querystring: { vi: "tham số", en: "parameter" },
  params: { vi: "đường dẫn", en: "path part" },
  headers: { vi: "tiêu đề", en: "header" },
};

/** Names the place of an issue for a reader: "chỉ tiêu 3.1", "tham số year". */
function placeOf(
  request: FastifyRequest,
  context: string,
  path: string[],
): { vi: string; en: string } | null {
  if (path.length === 0) return null;
  if (context === "body" && path[0] === "values" && path.length >= 2) {
    const entry = (request.body as { values?: { indicatorCode?: unknown }[] } | null)?.values?.[
      Number(path[1])
    ];
    const code = typeof entry?.indicatorCode === "string" ? entry.indicatorCode.slice(0, 50) : "";
    if (code) return { vi: `chỉ tiêu ${code}`, en: `indicator ${code}` };
    return { vi: `giá trị thứ ${Number(path[1]) + 1}`, en: `value no. ${Number(path[1]) + 1}` };
  }
  const name = path.join(".");
  const kind = where[context] ?? where.body!;
  return { vi: `${kind.vi} "${name}"`, en: `${kind.en} "${name}"` };
}

function validationReply(
  error: { validation: ValidationIssue[]; validationContext?: string },
  request: FastifyRequest,
  englishAsked: boolean,
) {
  const context = error.validationContext ?? "body";
  const details: ErrorDetail[] = [];
  const parts: string[] = [];
  for (const issue of error.validation.slice(0, 20)) {
    const path = issue.instancePath.split("/").filter(Boolean);
    const text = englishAsked ? issue.params.english : issue.message;
    details.push({ path: [context, ...path].join("/"), message: text });
    const place = placeOf(request, context, path);
    parts.push(place ? `${englishAsked ? place.en : place.vi}: ${text}` : text);
  }
  const summary = parts.join("; ");
  return errorBody(
    "VALIDATION_FAILED",
    englishAsked ? `Invalid input — ${summary}.` : `Dữ liệu không hợp lệ — ${summary}.`,
    details,
  );
}

function send(reply: FastifyReply, known: Known, englishAsked: boolean) {
  return reply
    .status(known.status ?? statusOf[known.code])
    .send(errorBody(known.code, englishAsked ? known.en : known.vi));
}

/** Maps every error to `{error:{code,message}}` with the right status; never leaks a stack trace. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const englishAsked = prefersEnglish(request);
  if (error instanceof AppError) {
    return reply
      .status(statusOf[error.code])
      .send(errorBody(error.code, englishAsked ? error.messageEn : error.message, error.details));
  }
  if (isValidationError(error)) {
    return reply.status(400).send(validationReply(error, request, englishAsked));
  }
  if (error.statusCode === 429) {
    return send(
      reply,
      {
        code: "RATE_LIMITED",
        vi: "Bạn thử quá nhiều lần, hãy đợi một phút rồi thử lại.",
        en: "Too many attempts, try again in a minute.",
      },
      englishAsked,
    );
  }
  if (error.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    const megabytes = Math.round((request.routeOptions.bodyLimit ?? 0) / 1024 / 1024);
    return send(
      reply,
      {
        code: "PAYLOAD_TOO_LARGE",
        vi: `Dữ liệu gửi lên quá lớn (tối đa ${megabytes} MB).`,
        en: `The request body is too large (at most ${megabytes} MB).`,
      },
      englishAsked,
    );
  }
  const known = error.code ? frameworkErrors[error.code] : undefined;
  if (known) return send(reply, known, englishAsked);
  if (!error.statusCode && multipartParserError.test(error.message ?? "")) {
    return send(reply, badMultipart, englishAsked);
  }
  if (isDataException(error)) {
    return send(
      reply,
      {
        code: "VALIDATION_FAILED",
        vi: "Dữ liệu gửi lên có giá trị không hợp lệ (ký tự NUL, số quá lớn hoặc định dạng sai).",
        en: "The request holds a value that cannot be stored (a NUL character, a number out of range or a bad format).",
      },
      englishAsked,
    );
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    const status = error.statusCode;
    const general = byStatus[status] ?? byStatus[400]!;
    return send(reply, { ...general, status }, englishAsked);
  }
  request.log.error({ err: error }, "unhandled error");
  return send(
    reply,
    {
      code: "INTERNAL",
      vi: "Có lỗi hệ thống, dữ liệu chưa được lưu. Vui lòng thử lại.",
      en: "An internal error occurred; nothing was saved.",
    },
    englishAsked,
  );
}

/** Any path no route serves, in the product's shape. */
export function notFoundBody(request: FastifyRequest): ErrorBody {
  const known = frameworkErrors.FST_ERR_NOT_FOUND!;
  return errorBody(known.code, prefersEnglish(request) ? known.en : known.vi);
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (broken request line, headers too
 * large): answered on the socket in the product's shape, in Vietnamese since no header was read.
 */
export function handleClientError(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === "ECONNRESET" || !socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = error.code === "HPE_HEADER_OVERFLOW";
  const timeout = error.code === "ERR_HTTP_REQUEST_TIMEOUT";
  const status = tooLarge ? 431 : timeout ? 408 : 400;
  const body = JSON.stringify(
    errorBody(
      "VALIDATION_FAILED",
      tooLarge
        ? "Tiêu đề yêu cầu quá lớn."
        : timeout
          ? "Yêu cầu gửi quá chậm, máy chủ đã ngừng chờ."
          : "Yêu cầu HTTP không đúng định dạng.",
    ),
  );
  const reason = tooLarge
    ? "Request Header Fields Too Large"
    : timeout
      ? "Request Timeout"
      : "Bad Request";
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
