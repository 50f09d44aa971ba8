import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../../api";
import { useErrorText } from "../../../components/form";
import { formatDateTime, formatNumber } from "../../../components/format";
import i18n from "../../../i18n";
import en from "./delivery-i18n/en.json";
import ko from "./delivery-i18n/ko.json";
import zhTW from "./delivery-i18n/zh-TW.json";
import { apiError } from "./portal-api";

i18n.addResourceBundle("ko", "translation", { portalDelivery: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { portalDelivery: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { portalDelivery: en }, true, true);

/** What the status endpoint returns under `delivery` once the request is decided (issue 11 item 4). */
export interface PortalDelivery {
  method: "download" | "email" | "post" | "in_person";
  files: Array<{ id: string; filename: string; size: number; mimeType: string }>;
  viewing: { at: string | null; location: string | null } | null;
  fee: { total: number; currency: string | null; waived: boolean } | null;
}

type Access = { agencyCode: string; receiptNumber: string; accessCode: string };

/** Downloads a released file: the access code travels in the POST body, never in an address. */
async function downloadFile(id: string, access: Access, filename: string, locale: string): Promise<void> {
  let res: Response;
  try {
    res = await fetch(`/api/portal/files/${id}`, {
      method: "POST",
      body: JSON.stringify(access),
      headers: { "content-type": "application/json", "x-locale": locale, "accept-language": locale },
    });
  } catch {
    throw new ApiError(0, "network", "", undefined, null);
  }
  if (!res.ok) throw await apiError(res);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const kb = (n: number, lang: string) => `${formatNumber(Math.max(1, Math.round(n / 1024)), lang)} KB`;

/** "Your documents" on the status page: released files, or the viewing time and place, and the fee. */
export function YourDocuments({
  d,
  access,
  timeZone,
}: {
  d: PortalDelivery;
  access: Access;
  timeZone: string;
}) {
  const { t, i18n: i } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const fee = d.fee ? (
    <p data-testid="portal-fee">
      {t("portalDelivery.fee")}: {formatNumber(d.fee.total, i.language)} {d.fee.currency ?? ""}
      {d.fee.waived && ` (${t("portalDelivery.feeWaived")})`}
    </p>
  ) : null;
  if (d.method === "in_person")
    return (
      <section aria-labelledby="viewing-h" data-testid="portal-viewing">
        <h3 id="viewing-h">{t("portalDelivery.viewingTitle")}</h3>
        <p>{t("portalDelivery.viewingIntro")}</p>
        <dl className="facts">
          <dt>{t("portalDelivery.viewingAt")}</dt>
          <dd>
            {d.viewing?.at
              ? formatDateTime(d.viewing.at, i.language, timeZone)
              : t("portalDelivery.viewingUnset")}
          </dd>
          <dt>{t("portalDelivery.viewingPlace")}</dt>
          <dd>{d.viewing?.location ?? t("portalDelivery.viewingUnset")}</dd>
        </dl>
        {fee}
      </section>
    );
  return (
    <section aria-labelledby="docs-h" data-testid="portal-documents">
      <h3 id="docs-h">{t("portalDelivery.title")}</h3>
      <div className="error-box" role="alert" hidden={!error}>
        {error}
      </div>
      {d.files.length === 0 ? (
        <p className="muted">{t("portalDelivery.none")}</p>
      ) : (
        <>
          <p>{t("portalDelivery.intro")}</p>
          <ul className="link-list">
            {d.files.map((f) => (
              <li key={f.id}>
                {f.filename} · {kb(f.size, i.language)}{" "}
                <button
                  type="button"
                  className="btn btn-small"
                  onClick={async () => {
                    setError(null);
                    try {
                      await downloadFile(f.id, access, f.filename, i.language);
                    } catch (e) {
                      setError(errorText(e));
                    }
                  }}
                >
                  {t("portalDelivery.download")}
                  <span className="sr-only"> {f.filename}</span>
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      {fee}
    </section>
  );
}
