import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession } from "../../session";
import { DueBadge } from "../cases/due-badge";
import "../cases/i18n";
import type { CaseRow } from "../cases/types";
import { useUnits } from "../org/use-units";
import "./i18n";
import { useCatalogue } from "./use-catalogue";

interface Overdue {
  overdue: CaseRow[];
  dueSoon: CaseRow[];
  byUnit: Array<{ unitId: string | null; overdue: number; dueSoon: number; open: number }>;
}

/** /requests/overdue: what is late and what is due within three days, per unit. */
export function OverduePage() {
  const { t } = useTranslation();
  const session = useReadySession();
  const { unitName } = useUnits();
  const cat = useCatalogue();
  const load = useLoad((signal) => api.get<Overdue>("/api/cases/overdue", { signal }), []);
  const list = (title: string, rows: CaseRow[], testId: string) => (
    <section className="subsection" aria-labelledby={`${testId}-h`}>
      <h2 id={`${testId}-h`}>
        {title} ({rows.length})
      </h2>
      {rows.length === 0 ? (
        <p className="muted">{t("common.none")}</p>
      ) : (
        <table className="table" data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{t("requests.list.number")}</th>
              <th scope="col">{t("requests.field.kind")}</th>
              <th scope="col">{t("requests.list.state")}</th>
              <th scope="col">{t("requests.list.due")}</th>
              <th scope="col">{t("requests.list.unit")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <Link to={`/requests/${c.id}`} className="mono">
                    {c.number}
                  </Link>
                </th>
                <td>{cat.kindName(c.requestKind)}</td>
                <td>{t(`cases.state.${c.state}`)}</td>
                <td>
                  <DueBadge c={c} timeZone={session.agency.timeZone} />
                </td>
                <td>{c.unitId ? unitName(c.unitId) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
  return (
    <Page title={t("requests.overdue.title")}>
      <ErrorBox text={load.error} />
      {load.loading && !load.data && <Loading />}
      {load.data && (
        <>
          <table className="table">
            <caption>{t("requests.overdue.byUnit")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("requests.list.unit")}</th>
                <th scope="col">{t("requests.overdue.open")}</th>
                <th scope="col">{t("requests.overdue.overdue")}</th>
                <th scope="col">{t("requests.overdue.dueSoon")}</th>
              </tr>
            </thead>
            <tbody>
              {load.data.byUnit.map((u) => (
                <tr key={u.unitId ?? "none"}>
                  <th scope="row">{u.unitId ? unitName(u.unitId) : t("requests.overdue.noUnit")}</th>
                  <td className="num">{u.open}</td>
                  <td className="num">{u.overdue}</td>
                  <td className="num">{u.dueSoon}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {list(t("requests.overdue.overdue"), load.data.overdue, "overdue-list")}
          {list(t("requests.overdue.dueSoon"), load.data.dueSoon, "due-soon-list")}
        </>
      )}
    </Page>
  );
}
