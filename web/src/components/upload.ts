import { ApiError } from "../api";

/**
 * Multipart upload (files do not fit the JSON client in api.ts). Same error model: a non-2xx answer
 * becomes an ApiError with the server's code, message and details. Callers pass the session's CSRF
 * token and the UI language.
 */
export async function upload<T>(
  url: string,
  fields: Record<string, string | Blob>,
  opts: { csrfToken: string; locale: string },
): Promise<{ status: number; data: T }> {
  const body = new FormData();
  // Text fields first: the server reads them before the file stream.
  for (const [k, v] of Object.entries(fields)) if (typeof v === "string") body.append(k, v);
  for (const [k, v] of Object.entries(fields)) if (typeof v !== "string") body.append(k, v);
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      body,
      credentials: "same-origin",
      headers: { accept: "application/json", "x-csrf-token": opts.csrfToken, "x-locale": opts.locale },
    });
  } catch {
    throw new ApiError(0, "network", "", undefined, null);
  }
  const text = await res.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!res.ok) {
    const b = (data ?? {}) as { code?: string; message?: string; details?: unknown; requestId?: string };
    throw new ApiError(
      res.status,
      b.code ?? `http_${res.status}`,
      b.message ?? res.statusText,
      b.details,
      b.requestId ?? null,
    );
  }
  return { status: res.status, data: data as T };
}
