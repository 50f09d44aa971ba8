import { ApiError } from "../api";

/**
 * Field errors of any API error, keyed by field path. Understands both detail shapes the server
 * uses: schema errors `{ path: "/items/0/name", message }` and business errors
 * `{ field: "items.0.name", code, message }`. Each error is kept under its full dotted path and under
 * its first segment ("items"), so a form can show it at the exact input or at the group. A conflict
 * about one field (`{ field, value }`) and a missing reason are placed on that field too.
 */
export function apiFieldErrors(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  // A single-field conflict: `{ field: "name", value }` (e.g. a duplicate name) belongs to that field.
  const single = e.details as { field?: unknown } | null;
  if (single && !Array.isArray(single) && typeof single === "object" && typeof single.field === "string") {
    out[single.field] = e.message;
    return out;
  }
  // "<module>.reason_required": every reasoned change names its reason field `reason`.
  if (e.code.endsWith(".reason_required")) {
    out.reason = e.message;
    return out;
  }
  if (!Array.isArray(e.details)) return out;
  for (const d of e.details as Array<{ path?: unknown; field?: unknown; message?: unknown }>) {
    if (!d || typeof d.message !== "string") continue;
    const raw = typeof d.field === "string" ? d.field : typeof d.path === "string" ? d.path : null;
    if (raw === null) continue;
    const dotted = raw
      .replace(/^\//, "")
      .replace(/\[(\d+)\]/g, ".$1")
      .replace(/\//g, ".");
    const key = dotted || "_";
    if (!(key in out)) out[key] = d.message;
    const first = key.split(".")[0];
    if (!(first in out)) out[first] = d.message;
  }
  return out;
}

/**
 * The errors a form can show beside its own inputs: each server detail (schema `{path, code, message,
 * where}` or business `{field, ...}`) by its dotted path, renamed through `aliases` where the form's
 * input names differ from the API body ("requester.name" -> "requesterName"), kept only when the form
 * has that input, one message per input (the first). Details about headers, query or path parameters
 * never belong to an input.
 */
export function formFieldErrors(
  e: unknown,
  names: ReadonlySet<string>,
  aliases: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError)) return out;
  const body = Array.isArray(e.details)
    ? new ApiError(
        e.status,
        e.code,
        e.message,
        (e.details as Array<{ where?: unknown }>).filter((d) => !d?.where || d.where === "body"),
        e.requestId,
      )
    : e;
  for (const [key, message] of Object.entries(apiFieldErrors(body))) {
    const name = aliases[key] ?? key;
    if (names.has(name) && !(name in out)) out[name] = message;
  }
  return out;
}

export function isApiError(e: unknown, code: string): e is ApiError {
  return e instanceof ApiError && e.code === code;
}
