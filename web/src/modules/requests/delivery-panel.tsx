import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { useLoad } from "../../components/use-load";
import i18n from "../../i18n";
import { useSession } from "../../session";
import en from "./delivery-i18n/en.json";
import ko from "./delivery-i18n/ko.json";
import zhTW from "./delivery-i18n/zh-TW.json";
import type { RequestDetail } from "./types";

i18n.addResourceBundle("ko", "translation", { requestsDelivery: ko }, true, true);
i18n.addResourceBundle("zh-TW", "translation", { requestsDelivery: zhTW }, true, true);
i18n.addResourceBundle("en", "translation", { requestsDelivery: en }, true, true);

interface Finding {
  type: string;
  preview: string;
  own: boolean;
  page?: number;
  line?: number;
}
interface DeliveryFile {
  id: string;
  filename: string;
  size: number;
  released: { by: string | null; at: string; thirdPartyFindings: number; reason: string | null } | null;
  pii: { status: "ok" | "third_party" | "not_scanned"; thirdParty: number; own: number; findings: Finding[] };
}
interface Delivery {
  deliverable: boolean;
  method: string;
  files: DeliveryFile[];
  citizenSees: {
    method: string;
    files: Array<{ id: string; filename: string }>;
    viewing: { at: string | null; location: string | null } | null;
  } | null;
}

/**
 * The delivery of a granted access request (issue 11 item 4, C12): release toggles per file with the PII
 * findings shown masked, the "assemble" button, and what the requester will see on the status page.
 */
export function DeliveryPanel({ r }: { r: RequestDetail }) {
  const { t, i18n: i } = useTranslation();
  const { can } = useSession();
  const errorText = useErrorText();
  const [tick, setTick] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const d = useLoad(() => api.get<Delivery>(`/api/requests/${r.case.id}/delivery`), [r.case.id, tick]);
  const editable = can("requests.process");
  const run = async (fn: () => Promise<unknown>) => {
    setError(null);
    try {
      await fn();
      setConfirming(null);
      setReason("");
      setTick((x) => x + 1);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const release = (id: string, confirm = false) =>
    run(() =>
      api.post(`/api/requests/${r.case.id}/releases`, {
        attachmentId: id,
        ...(confirm ? { confirmThirdParty: true, reason } : {}),
      }),
    );
  if (!d.data) return null;
  const v = d.data;
  const tz = r.case.timeZone;
  return (
    <section className="card" aria-labelledby="req-delivery" data-testid="request-delivery">
      <h2 id="req-delivery">{t("requestsDelivery.title")}</h2>
      <p className="muted">
        {v.deliverable ? t("requestsDelivery.intro") : t("requestsDelivery.notGranted")}
      </p>
      <div className="error-box" role="alert" hidden={!error}>
        {error}
      </div>
      {v.files.length === 0 && <p className="muted">{t("requestsDelivery.none")}</p>}
      <ul className="link-list">
        {v.files.map((f) => (
          <li key={f.id} data-testid="delivery-file">
            <strong>{f.filename}</strong> ·{" "}
            {f.pii.status === "ok"
              ? t("requestsDelivery.piiOk")
              : f.pii.status === "third_party"
                ? t("requestsDelivery.piiThird", { n: f.pii.thirdParty })
                : t("requestsDelivery.piiNotScanned")}
            {f.pii.findings.length > 0 && (
              <ul className="muted">
                {f.pii.findings.map((x, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id
                  <li key={n}>
                    <span className="mono">{x.preview}</span> ·{" "}
                    {x.own ? t("requestsDelivery.own") : t("requestsDelivery.other")}
                  </li>
                ))}
              </ul>
            )}
            {f.released ? (
              <p>
                <span className="badge">{t("requestsDelivery.released")}</span>{" "}
                {t("requestsDelivery.releasedBy", { by: f.released.by ?? "" })} ·{" "}
                {formatDateTime(f.released.at, i.language, tz)}
                {f.released.reason && ` · ${f.released.reason}`}{" "}
                {editable && (
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => run(() => api.del(`/api/requests/${r.case.id}/releases/${f.id}`))}
                  >
                    {t("requestsDelivery.withdraw")}
                  </button>
                )}
              </p>
            ) : (
              editable &&
              v.deliverable &&
              (f.pii.status === "ok" ? (
                <button type="button" className="btn btn-small" onClick={() => release(f.id)}>
                  {t("requestsDelivery.release")}
                </button>
              ) : confirming === f.id ? (
                <div>
                  <label>
                    {t("requestsDelivery.reason")}
                    <textarea value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
                  </label>
                  <button
                    type="button"
                    className="btn btn-small"
                    disabled={!reason.trim()}
                    onClick={() => release(f.id, true)}
                  >
                    {t("requestsDelivery.confirm")}
                  </button>
                </div>
              ) : (
                <button type="button" className="btn btn-small" onClick={() => setConfirming(f.id)}>
                  {t("requestsDelivery.confirmTitle")}
                </button>
              ))
            )}
          </li>
        ))}
      </ul>
      {editable && v.deliverable && (
        <button
          type="button"
          className="btn"
          onClick={() => run(() => api.post(`/api/requests/${r.case.id}/assemble`, {}))}
        >
          {t("requestsDelivery.assemble")}
        </button>
      )}
      <h3>{t("requestsDelivery.citizenSees")}</h3>
      {!v.citizenSees ? (
        <p className="muted">{t("requestsDelivery.citizenNothing")}</p>
      ) : v.citizenSees.viewing ? (
        <p>
          {t("requestsDelivery.viewing", {
            at: formatDateTime(v.citizenSees.viewing.at, i.language, tz),
            place: v.citizenSees.viewing.location ?? "",
          })}
        </p>
      ) : (
        <ul>
          {v.citizenSees.files.map((f) => (
            <li key={f.id}>{f.filename}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
