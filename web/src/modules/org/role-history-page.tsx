import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession } from "../../session";
import type { RoleHistoryItem } from "../../types";
import { useUnits } from "./use-units";

/** Every grant and revocation of a role: who, whom, what, when, why. */
export function RoleHistoryPage() {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const units = useUnits();
  const list = useLoad(async (signal) => {
    const r = await api.get<RoleHistoryItem[] | { items: RoleHistoryItem[] }>("/api/org/role-history", {
      signal,
    });
    return Array.isArray(r) ? r : r.items;
  }, []);
  const when = (iso: string | null) => formatDateTime(iso, i18n.language, session.agency.timeZone);
  return (
    <Page title={t("org.roleHistory.title")}>
      <ErrorBox text={list.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t("org.roleHistory.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("org.roleHistory.staff")}</th>
                <th scope="col">{t("org.roleHistory.role")}</th>
                <th scope="col">{t("org.roleHistory.unit")}</th>
                <th scope="col">{t("org.roleHistory.granted")}</th>
                <th scope="col">{t("org.roleHistory.revoked")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.length === 0 && (
                <tr>
                  <td colSpan={5}>{t("common.noResults")}</td>
                </tr>
              )}
              {list.data.map((h) => (
                <tr key={h.id}>
                  <td>
                    {h.staffName ?? h.staffUsername ?? h.staffId}
                    {h.staffUsername && h.staffName && <span className="muted"> ({h.staffUsername})</span>}
                  </td>
                  <td>{t(`roles.${h.role}`)}</td>
                  <td>{units.unitName(h.unitId)}</td>
                  <td>
                    {when(h.grantedAt)}
                    <br />
                    <span className="muted">
                      {t("org.roleHistory.by", {
                        name: h.grantedByName ?? h.grantedBy ?? t("org.roleHistory.system"),
                      })}
                    </span>
                    {h.reason && <div>{t("org.roleHistory.reason", { reason: h.reason })}</div>}
                  </td>
                  <td>
                    {h.revokedAt ? (
                      <>
                        {when(h.revokedAt)}
                        <br />
                        <span className="muted">
                          {t("org.roleHistory.by", { name: h.revokedByName ?? h.revokedBy ?? "" })}
                        </span>
                        {h.revokeReason && (
                          <div>{t("org.roleHistory.reason", { reason: h.revokeReason })}</div>
                        )}
                      </>
                    ) : (
                      <span className="badge badge-ok">{t("org.roleHistory.active")}</span>
                    )}
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
