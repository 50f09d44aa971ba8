/**
 * Errors a client may see. `code` is stable (clients and tests match on it); the message is looked
 * up from the i18n files under "errors.<code>" in the caller's language.
 */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    public readonly details?: unknown,
    public readonly params?: Record<string, unknown>,
  ) {
    super(code);
  }
}

export const badRequest = (code: string, details?: unknown) => new AppError(400, code, details);
export const unauthorized = (code = "auth.required") => new AppError(401, code);
export const forbidden = (code = "auth.forbidden") => new AppError(403, code);
export const notFound = (code = "not_found") => new AppError(404, code);
export const conflict = (code: string, details?: unknown) => new AppError(409, code, details);

/** Maps well-known PostgreSQL errors to client errors so a race or bad id never becomes a 500. */
export function fromDatabaseError(e: unknown): AppError | null {
  const err = e as { code?: string; cause?: { code?: string } };
  const code = err?.code ?? err?.cause?.code;
  if (code === "23505") return conflict("conflict");
  if (code === "23503") return conflict("conflict");
  if (code === "22P02") return notFound();
  return null;
}
