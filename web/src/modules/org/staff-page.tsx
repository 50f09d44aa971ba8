import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../../api";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import type { Staff } from "../../types";
import { StaffCreate } from "./staff-create";
import { StaffDetail } from "./staff-detail";
import { useUnits } from "./use-units";

/** Staff list with search; opening a row shows its edit, roles and credential actions. */
export function StaffPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const unitId = params.get("unitId") ?? "";
  const units = useUnits();
  const list = useLoad(
    (signal) => api.get<Staff[]>("/api/org/staff", { signal, query: { q, unitId } }),
    [q, unitId],
  );
  const [openId, setOpenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const mayWrite = can("org.staff.write");
  const open = list.data?.find((s) => s.id === openId) ?? null;

  return (
    <Page
      title={t("org.staff.title")}
      actions={
        mayWrite ? (
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => {
              setCreating(true);
              setOpenId(null);
            }}
          >
            {t("org.staff.create")}
          </button>
        ) : null
      }
    >
      <StatusMessage text={status} />
      <form
        className="filters card"
        aria-label={t("org.staff.search")}
        onSubmit={(e) => {
          e.preventDefault();
          const fd = new FormData(e.currentTarget);
          const next = new URLSearchParams();
          const nq = String(fd.get("q") ?? "").trim();
          const nu = String(fd.get("unitId") ?? "");
          if (nq) next.set("q", nq);
          if (nu) next.set("unitId", nu);
          setParams(next);
        }}
      >
        <div className="field">
          <label htmlFor="staff-q">{t("org.staff.searchLabel")}</label>
          <input id="staff-q" name="q" type="search" defaultValue={q} maxLength={100} />
        </div>
        <div className="field">
          <label htmlFor="staff-unit">{t("org.staff.unit")}</label>
          <select id="staff-unit" name="unitId" defaultValue={unitId}>
            <option value="">{t("common.all")}</option>
            {units.unitOptions(unitId).map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="form-actions">
          <button type="submit" className="btn">
            {t("common.search")}
          </button>
        </div>
      </form>
      {creating && (
        <StaffCreate
          units={units}
          onCancel={() => setCreating(false)}
          onCreated={(s, msg) => {
            setCreating(false);
            setStatus(msg);
            list.reload();
            setOpenId(s.id);
          }}
        />
      )}
      <ErrorBox text={list.error ?? units.error} />
      {list.loading && !list.data && <Loading />}
      {list.data && (
        <div className="table-wrap">
          <table className="table">
            <caption className="sr-only">{t("org.staff.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("org.staff.displayName")}</th>
                <th scope="col">{t("org.staff.username")}</th>
                <th scope="col">{t("org.staff.unit")}</th>
                <th scope="col">{t("org.staff.roles")}</th>
                <th scope="col">{t("org.staff.status")}</th>
                <th scope="col">{t("org.staff.mfa")}</th>
                <th scope="col">
                  <span className="sr-only">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.data.length === 0 && (
                <tr>
                  <td colSpan={7}>{t("common.noResults")}</td>
                </tr>
              )}
              {list.data.map((s) => (
                <tr key={s.id} className={s.id === openId ? "selected" : undefined}>
                  <td>{s.displayName}</td>
                  <td>{s.username}</td>
                  <td>{units.unitName(s.unitId)}</td>
                  <td>{s.roles.map((r) => t(`roles.${r.role}`)).join(", ")}</td>
                  <td>{t(`org.staff.statuses.${s.status}`)}</td>
                  <td>{s.mfaEnabled ? t("common.yes") : t("common.no")}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      aria-expanded={s.id === openId}
                      onClick={() => {
                        setOpenId(s.id === openId ? null : s.id);
                        setCreating(false);
                      }}
                    >
                      {t("common.open")}
                      <span className="sr-only"> {s.displayName}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && (
        <StaffDetail
          key={open.id}
          staff={open}
          units={units}
          onChanged={(msg) => {
            setStatus(msg);
            list.reload();
          }}
          onClose={() => setOpenId(null)}
        />
      )}
    </Page>
  );
}
