import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession, useSession } from "../../session";
import type { RoleHistoryItem, Staff } from "../../types";
import { useUnits } from "./use-units";

/** Every grant and revocation of a role: who, whom, what, when, why. */
export function RoleHistoryPage() {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const units = useUnits();
  const { can } = useSession();
  // Names of the people who granted or revoked, when this role may read the staff list.
  const staff = useLoad(
    (signal) =>
      can("org.staff.read") ? api.get<Staff[]>("/api/org/staff", { signal }) : Promise.resolve([]),
    [],
  );
  const person = (id: string | null) => {
    if (!id) return t("org.roleHistory.system");
    const s = staff.data?.find((x) => x.id === id);
    return s ? `${s.displayName} (${s.username})` : id.slice(0, 8);
  };
  const nameOf = (h: RoleHistoryItem) => {
    const s = staff.data?.find((x) => x.id === h.staffId);
    return s ? `${s.displayName} (${h.username})` : h.username;
  };
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
                  <td>{nameOf(h)}</td>
                  <td>{t(`roles.${h.role}`)}</td>
                  <td>{units.unitName(h.unitId)}</td>
                  <td>
                    {when(h.grantedAt)}
                    <br />
                    <span className="muted">{t("org.roleHistory.by", { name: person(h.grantedBy) })}</span>
                    {h.reason && <div>{t("org.roleHistory.reason", { reason: h.reason })}</div>}
                  </td>
                  <td>
                    {h.revokedAt ? (
                      <>
                        {when(h.revokedAt)}
                        <br />
                        <span className="muted">
                          {t("org.roleHistory.by", { name: person(h.revokedBy) })}
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
