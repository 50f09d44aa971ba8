import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api";
import { DateStatus } from "../../components/date-status";
import { ErrorBox, Loading } from "../../components/page";
import { useLoad } from "../../components/use-load";
import "../cases/i18n";
import { formatDue, formatLeft, type Translate } from "../cases/due-format";
import "./i18n";

interface Dashboard {
  today: string;
  timeZone: string;
  openIncidents: number;
  overdueActions: number;
  incidents: {
    id: string;
    number: string;
    title: string;
    status: string;
    nextClock: { code: string; name: string; dueAt: string; overdue: boolean } | null;
  }[];
  actions: {
    id: string;
    incidentId: string;
    number: string;
    title: string;
    dueOn: string;
    ownerName: string | null;
    overdue: boolean;
  }[];
}

/**
 * Staff home card (issue 13 item 6): open incidents with the statutory clock that falls due first, and
 * corrective actions still open, overdue ones first by date, with their owner.
 */
export function IncidentDashboardCard() {
  const { t, i18n } = useTranslation();
  const d = useLoad((signal) => api.get<Dashboard>("/api/incidents/dashboard", { signal }), []);
  const tr = t as unknown as Translate;
  return (
    <section className="card" aria-labelledby="dash-incidents" data-testid="incident-dashboard">
      <h2 id="dash-incidents">{t("incidents.dashboard.title")}</h2>
      <ErrorBox text={d.error} />
      {!d.data ? (
        !d.error && <Loading />
      ) : (
        <>
          <p>
            {t("incidents.dashboard.open", { n: d.data.openIncidents })} ·{" "}
            {t("incidents.dashboard.overdue", { n: d.data.overdueActions })}
          </p>
          {d.data.incidents.length > 0 && (
            <ul className="link-list">
              {d.data.incidents.map((i) => (
                <li key={i.id}>
                  <Link to={`/incidents/${i.id}`}>
                    {i.number} {i.title}
                  </Link>
                  <br />
                  {i.nextClock ? (
                    <small>
                      {i.nextClock.name}:{" "}
                      {formatDue(i.nextClock.dueAt, "hours", tr, i18n.language, d.data?.timeZone ?? "UTC")}{" "}
                      <span className={i.nextClock.overdue ? "badge badge-failed" : "badge"}>
                        {formatLeft(i.nextClock.dueAt, "hours", tr, d.data?.timeZone ?? "UTC")}
                      </span>
                    </small>
                  ) : (
                    <small className="muted">{t("incidents.dashboard.allMet")}</small>
                  )}
                </li>
              ))}
            </ul>
          )}
          {d.data.actions.length > 0 && (
            <>
              <h3>{t("incidents.dashboard.actions")}</h3>
              <ul className="link-list">
                {d.data.actions.map((a) => (
                  <li key={a.id}>
                    <Link to={`/incidents/${a.incidentId}`}>{a.title}</Link>{" "}
                    <span className="muted">
                      · {a.number} · {a.ownerName ?? t("incidents.dashboard.noOwner")}
                    </span>{" "}
                    <DateStatus due={a.dueOn} today={d.data?.today} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
