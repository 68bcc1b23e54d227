import type { ErrorCode } from "@ntm/contracts";

export const statusOf: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  VERSION_CONFLICT: 409,
  CONFLICT: 409,
  /** A file whose content was read and refused cell by cell; the body carries the report. */
  IMPORT_REJECTED: 422,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export interface ErrorDetail {
  path: string;
  message: string;
}

/** The one error type services throw; the error handler maps its code to an HTTP status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  /** English text, sent when the client asks for English. */
  readonly messageEn: string;
  readonly details: ErrorDetail[] | undefined;

  constructor(options: { code: ErrorCode; vi: string; en: string; details?: ErrorDetail[] }) {
    super(options.vi);
    this.code = options.code;
    this.messageEn = options.en;
    this.details = options.details;
  }
}

export const notFound = (vi: string, en: string) => new AppError({ code: "NOT_FOUND", vi, en });
export const forbidden = (vi: string, en = "You are not allowed to do this.") =>
  new AppError({ code: "FORBIDDEN", vi, en });
export const invalid = (vi: string, en: string, details?: ErrorDetail[]) =>
  new AppError({ code: "VALIDATION_FAILED", vi, en, ...(details ? { details } : {}) });
