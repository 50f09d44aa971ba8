import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession, useSession } from "../../session";
import { typeLabel } from "./format";
import "./i18n";
import "./pii.css";
import type { GuardCheck } from "./types";

/** /pii/guard: content held back from the portal by the publication guard, and overrides with reasons. */
export function PiiGuardPage() {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const { can } = useSession();
  const errorText = useErrorText();
  const [status, setStatus] = useState<"" | "blocked" | "overridden">("blocked");
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = useLoad(
    (signal) => api.get<{ items: GuardCheck[] }>("/api/pii/guard/checks", { signal, query: { status } }),
    [status],
  );
  const mayOverride = can("pii.guard.override");

  const override = async (e: FormEvent<HTMLFormElement>, id: string) => {
    e.preventDefault();
    const reason = String(new FormData(e.currentTarget).get("reason") ?? "");
    setError(null);
    try {
      await api.post(`/api/pii/guard/checks/${id}/override`, { reason });
      setMessage(t("pii.guard.done"));
      list.reload();
    } catch (err) {
      setError(errorText(err));
    }
  };

  const items = list.data?.items ?? [];
  return (
    <Page title={t("pii.guard.title")}>
      <p className="lead">{t("pii.guard.intro")}</p>
      <div className="filters">
        <label>
          {t("pii.guard.filter")}{" "}
          <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="blocked">{t("pii.guard.blocked")}</option>
            <option value="overridden">{t("pii.guard.overridden")}</option>
            <option value="">{t("pii.guard.all")}</option>
          </select>
        </label>
      </div>
      <StatusMessage text={message} />
      <ErrorBox text={error ?? list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && items.length === 0 && <p className="muted">{t("pii.guard.none")}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("pii.guard.kind")}</th>
                <th scope="col">{t("pii.guard.found")}</th>
                <th scope="col">{t("pii.guard.status")}</th>
                <th scope="col">{t("pii.guard.when")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.id}>
                  <td>
                    {t(`pii.guard.kinds.${c.kind}`, { defaultValue: c.kind })}
                    <div className="small">
                      {c.kind === "registry.public_file" ? (
                        <Link to={`/registry/files/${c.resourceKey}`}>{c.label ?? c.resourceKey}</Link>
                      ) : c.kind === "registry.public_entrustment" ? (
                        <Link to={`/registry/entrustments/${c.resourceKey}`}>{c.label ?? c.resourceKey}</Link>
                      ) : (
                        <span className="mono">{c.label ?? c.resourceKey}</span>
                      )}
                    </div>
                  </td>
                  <td>
                    <ul className="pii-plain">
                      {c.findings.map((f, i) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id
                        <li key={i}>
                          {typeLabel(t, f.type)} <span className="mono">{f.preview}</span>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td>
                    {c.status === "blocked" ? (
                      <>
                        <span className="badge badge-failed">{t("pii.guard.blocked")}</span>
                        {mayOverride && (
                          <form className="inline-form" onSubmit={(e) => void override(e, c.id)}>
                            <label>
                              {t("pii.guard.reason")}
                              <input name="reason" required maxLength={500} />
                            </label>
                            <button type="submit" className="btn btn-small">
                              {t("pii.guard.override")}
                            </button>
                          </form>
                        )}
                      </>
                    ) : (
                      <>
                        <span className="badge badge-ok">{t("pii.guard.overridden")}</span>
                        <div className="small">{c.overrideReason}</div>
                      </>
                    )}
                  </td>
                  <td className="nowrap">
                    {formatDateTime(c.overriddenAt ?? c.createdAt, i18n.language, session.agency.timeZone)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
