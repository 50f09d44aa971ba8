export type DeadlineErrorCode =
  | "BAD_INPUT"
  | "UNKNOWN_JURISDICTION"
  | "UNKNOWN_KIND"
  | "EXTENSION_NOT_ALLOWED"
  | "EXTENSION_LIMIT"
  | "EXTENSION_TOO_LONG"
  | "EXTENSION_AFTER_DUE"
  | "OUT_OF_RANGE";

/** Typed error of the deadline engine; `code` is stable for callers (API, CLI exit codes). */
export class DeadlineError extends Error {
  readonly code: DeadlineErrorCode;
  constructor(code: DeadlineErrorCode, message: string) {
    super(message);
    this.name = "DeadlineError";
    this.code = code;
  }
}
