/**
 * The one way the web app talks to the server (docs/api.md): same-origin cookies, JSON, the CSRF
 * token on every state-changing call, the chosen language in x-locale, and the server's error
 * model surfaced as a typed ApiError.
 */

export interface FieldIssue {
  path: string;
  message: string;
  where?: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly requestId: string | null;

  constructor(status: number, code: string, message: string, details: unknown, requestId: string | null) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
    this.requestId = requestId;
  }

  /** Field errors keyed by the first segment of their path ("/username" -> "username"). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!Array.isArray(this.details)) return out;
    for (const d of this.details as FieldIssue[]) {
      if (!d || typeof d.path !== "string") continue;
      const key = d.path.replace(/^\//, "").split(/[/.]/)[0] || "_";
      if (!(key in out)) out[key] = d.message;
    }
    return out;
  }
}

/** Codes after which the only sensible place is the sign-in screen. */
const SIGN_IN_AGAIN = new Set(["auth.required", "auth.session_expired"]);
const MFA_CODES = new Set(["auth.mfa_required", "auth.mfa_enrolment_required"]);

let csrfToken: string | null = null;
let locale = "ko";

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
export function setApiLocale(next: string): void {
  locale = next;
}

/** Fired when the server says the session is gone; the session provider sends the user to sign in. */
export const UNAUTHORIZED_EVENT = "cpims:unauthorized";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface RequestOptions {
  query?: Record<string, string | number | undefined | null>;
  body?: unknown;
  /** Do not redirect to sign-in on 401 (the session probe and the sign-in forms themselves). */
  quiet401?: boolean;
  signal?: AbortSignal;
}

export function buildUrl(path: string, query?: RequestOptions["query"]): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function request<T>(method: Method, path: string, opts: RequestOptions = {}): Promise<T> {
  // Accept-Language too: routes without a session (sign-in, public lists) negotiate from it.
  const headers: Record<string, string> = {
    accept: "application/json",
    "x-locale": locale,
    "accept-language": locale,
  };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: "same-origin",
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "network", "", undefined, null);
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = null;
    }
  }
  if (!res.ok) {
    const body = (data ?? {}) as { code?: string; message?: string; details?: unknown; requestId?: string };
    const err = new ApiError(
      res.status,
      body.code ?? `http_${res.status}`,
      body.message ?? res.statusText,
      body.details,
      body.requestId ?? null,
    );
    if (res.status === 401 && !opts.quiet401 && (SIGN_IN_AGAIN.has(err.code) || MFA_CODES.has(err.code))) {
      window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT, { detail: err.code }));
    }
    if (res.status === 403 && err.code === "auth.password_change_required") {
      window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT, { detail: err.code }));
    }
    throw err;
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>("GET", path, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>("POST", path, { ...opts, body }),
  patch: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>("PATCH", path, { ...opts, body }),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>("PUT", path, { ...opts, body }),
  del: <T>(path: string, body?: unknown, opts?: RequestOptions) =>
    request<T>("DELETE", path, { ...opts, body }),
};
