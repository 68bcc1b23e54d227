import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import type { ErrorBody, ErrorCode } from "@ntm/contracts";
import { AppError, statusOf, type ErrorDetail } from "./app-error.ts";

export function prefersEnglish(request: FastifyRequest): boolean {
  const header = request.headers["accept-language"] ?? "";
  return /^en\b/i.test(header.trim());
}

function body(code: ErrorCode, message: string, details?: ErrorDetail[]): ErrorBody {
  return { error: { code, message, ...(details && details.length ? { details } : {}) } };
}

const frameworkErrors: Record<string, { code: ErrorCode; vi: string; en: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    code: "PAYLOAD_TOO_LARGE",
    vi: "Dữ liệu gửi lên quá lớn.",
    en: "The request body is too large.",
  },
  FST_REQ_FILE_TOO_LARGE: {
    code: "PAYLOAD_TOO_LARGE",
    vi: "Tệp quá lớn.",
    en: "The file is too large.",
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    code: "UNSUPPORTED_MEDIA_TYPE",
    vi: "Định dạng dữ liệu không được hỗ trợ.",
    en: "Unsupported media type.",
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
  FST_INVALID_MULTIPART_CONTENT_TYPE: {
    code: "UNSUPPORTED_MEDIA_TYPE",
    vi: "Cần gửi tệp dạng multipart/form-data.",
    en: "Expected multipart/form-data.",
  },
};

/** Maps every error to `{error:{code,message}}` with the right status; never leaks a stack trace. */
export function handleError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const english = prefersEnglish(request);
  if (error instanceof AppError) {
    return reply
      .status(statusOf[error.code])
      .send(body(error.code, english ? error.messageEn : error.message, error.details));
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const details = error.validation.map((issue) => ({
      path: `${error.validationContext ?? ""}${issue.instancePath || ""}`.replace(/^\//, ""),
      message: issue.message ?? "không hợp lệ",
    }));
    const summary = details.map((detail) => `${detail.path}: ${detail.message}`).join("; ");
    return reply
      .status(400)
      .send(
        body(
          "VALIDATION_FAILED",
          english ? `Invalid input (${summary})` : `Dữ liệu không hợp lệ (${summary})`,
          details,
        ),
      );
  }
  if (error.statusCode === 429) {
    return reply
      .status(429)
      .send(
        body(
          "RATE_LIMITED",
          english
            ? "Too many attempts, try again in a minute."
            : "Bạn thử quá nhiều lần, hãy đợi một phút rồi thử lại.",
        ),
      );
  }
  const known = error.code ? frameworkErrors[error.code] : undefined;
  if (known) {
    return reply.status(statusOf[known.code]).send(body(known.code, english ? known.en : known.vi));
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return reply
      .status(error.statusCode)
      .send(
        body(
          "VALIDATION_FAILED",
          english ? "The request could not be processed." : "Yêu cầu không hợp lệ.",
        ),
      );
  }
  request.log.error({ err: error }, "unhandled error");
  return reply
    .status(500)
    .send(
      body(
        "INTERNAL",
        english
          ? "An internal error occurred; nothing was saved."
          : "Có lỗi hệ thống, dữ liệu chưa được lưu. Vui lòng thử lại.",
      ),
    );
}
