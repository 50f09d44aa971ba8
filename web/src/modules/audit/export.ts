import { ApiError, buildUrl } from "../../api";
import type { LedgerFilterValues } from "./ledger-filters";

/**
 * Downloads the ledger export for exactly the filter on screen. Fetched rather than linked, so a
 * refusal (nothing matches, no permission) shows as a message in the reader's language instead of
 * a downloaded error file.
 */
export async function downloadLedgerExport(
  filters: LedgerFilterValues,
  format: "csv" | "xlsx",
  locale: string,
): Promise<void> {
  let res: Response;
  try {
    res = await fetch(buildUrl("/api/audit/ledger/export", { ...filters, format }), {
      credentials: "same-origin",
      headers: { "x-locale": locale, "accept-language": locale },
    });
  } catch {
    throw new ApiError(0, "network", "", undefined, null);
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as {
      code?: string;
      message?: string;
      requestId?: string;
    };
    throw new ApiError(
      res.status,
      body.code ?? `http_${res.status}`,
      body.message ?? res.statusText,
      undefined,
      body.requestId ?? null,
    );
  }
  const name = /filename="([^"]+)"/.exec(res.headers.get("content-disposition") ?? "")?.[1];
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = name ?? `ledger.${format}`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
