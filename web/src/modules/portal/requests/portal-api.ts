import { ApiError } from "../../../api";

/** Parses an error answer the way api.ts does (code, localised message, request id). */
export async function apiError(res: Response): Promise<ApiError> {
  let b: { code?: string; message?: string; details?: unknown; requestId?: string } = {};
  try {
    b = (await res.json()) as typeof b;
  } catch {
    b = {};
  }
  return new ApiError(
    res.status,
    b.code ?? `http_${res.status}`,
    b.message ?? res.statusText,
    b.details,
    b.requestId ?? null,
  );
}

/** Attachment of a portal submission: multipart, authorised by the submission token (no session, no CSRF). */
export async function uploadToSubmission(
  submissionId: string,
  token: string,
  kind: string,
  file: File,
  locale: string,
): Promise<void> {
  const body = new FormData();
  body.append("kind", kind);
  body.append("file", file);
  let res: Response;
  try {
    res = await fetch(`/api/portal/submissions/${submissionId}/attachments`, {
      method: "POST",
      body,
      headers: {
        accept: "application/json",
        "x-submission-token": token,
        "x-locale": locale,
        "accept-language": locale,
      },
    });
  } catch {
    throw new ApiError(0, "network", "", undefined, null);
  }
  if (!res.ok) throw await apiError(res);
}

/** Downloads a decision letter: the access code travels in the POST body, never in an address. */
export async function downloadLetter(
  letterId: string,
  access: { agencyCode: string; receiptNumber: string; accessCode: string },
  filename: string,
  locale: string,
): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/portal/letters/${letterId}`, {
      method: "POST",
      body: JSON.stringify(access),
      headers: {
        "content-type": "application/json",
        accept: "application/pdf",
        "x-locale": locale,
        "accept-language": locale,
      },
    });
  } catch {
    throw new ApiError(0, "network", "", undefined, null);
  }
  if (!res.ok) throw await apiError(res);
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
