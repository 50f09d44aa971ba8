import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api";
import { DateStatus } from "../../components/date-status";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { DriftPanel } from "../pii/drift-panel";
import type { DriftFinding } from "../pii/types";
import type { Dashboard, OverdueCounts } from "./types";

/** Where each overdue count leads: the card below it on this page. */
const OVERDUE_ANCHORS: Record<keyof OverdueCounts, string> = {
  fileReviews: "dash-reviews",
  riskReviews: "dash-risk",
  contracts: "dash-contracts",
  correctiveActions: "dash-overdue",
  campaignItems: "dash-campaign-overdue",
  publication: "dash-totals",
};

/** /registry/dashboard: the register at a glance and what needs attention. */
export function RegistryDashboardPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const load = useLoad((signal) => api.get<Dashboard>("/api/registry/dashboard", { signal }), []);
  const d = load.data;
  const max = Math.max(1, ...(d?.filesByUnit.map((u) => u.count) ?? [1]));
  const stat = (label: string, n: number, to: string) => (
    <div className="stat" key={label}>
      <dt>{label}</dt>
      <dd>
        <Link to={to}>{n}</Link>
      </dd>
    </div>
  );
  const none = <p className="muted">{t("registry.dashboard.nothing")}</p>;
  return (
    <Page title={t("registry.dashboard.title")}>
      <ErrorBox text={load.error} />
      {!d && load.loading && <Loading />}
      {d && (
        <>
          <section aria-labelledby="dash-totals" className="card">
            <h2 id="dash-totals">{t("registry.dashboard.totals")}</h2>
            <dl className="stat-grid">
              {stat(t("registry.dashboard.files"), d.totals.files, "/registry/files")}
              {stat(t("registry.list.sensitive"), d.totals.sensitive, "/registry/files?sensitive=true")}
              {stat(t("registry.list.uniqueId"), d.totals.uniqueIdentifier, "/registry/files?uniqueId=true")}
              {stat(t("registry.list.entrusted"), d.totals.entrusted, "/registry/files?entrusted=true")}
              {stat(t("registry.list.public"), d.totals.public, "/registry/files?public=true")}
            </dl>
            {d.pendingApprovals > 0 && (
              <p className="notice">
                <Link to="/registry/provisions">
                  {t("registry.dashboard.pendingApprovals", { count: d.pendingApprovals })}
                </Link>
              </p>
            )}
          </section>
          <section aria-labelledby="dash-overdue-counts" className="card" data-testid="overdue-counts">
            <h2 id="dash-overdue-counts">{t("registry.dashboard.overdueTitle")}</h2>
            {Object.values(d.overdueCounts).every((n) => n === 0) ? (
              <p className="muted">{t("registry.dashboard.overdueNone")}</p>
            ) : (
              <dl className="stat-grid">
                {(Object.keys(OVERDUE_ANCHORS) as Array<keyof OverdueCounts>)
                  .filter((k) => d.overdueCounts[k] > 0)
                  .map((k) => (
                    <div className="stat" key={k}>
                      <dt>{t(`registry.dashboard.overdue.${k}`)}</dt>
                      <dd>
                        <a href={`#${OVERDUE_ANCHORS[k]}`} className="badge badge-failed">
                          {d.overdueCounts[k]}
                        </a>
                      </dd>
                    </div>
                  ))}
              </dl>
            )}
          </section>
          <div className="cards">
            <section className="card" aria-labelledby="dash-units">
              <h2 id="dash-units">{t("registry.dashboard.byUnit")}</h2>
              {d.filesByUnit.length === 0 ? (
                none
              ) : (
                <table className="table">
                  <tbody>
                    {d.filesByUnit.map((u) => (
                      <tr key={u.unitId}>
                        <th scope="row">
                          <Link to={`/registry/files?unitId=${u.unitId}`}>{u.unitName}</Link>
                        </th>
                        <td className="num nowrap">
                          <span
                            className="bar"
                            style={{ width: `${(u.count / max) * 6}rem` }}
                            aria-hidden="true"
                          />
                          {u.count}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <section className="card" aria-labelledby="dash-reviews">
              <h2 id="dash-reviews">{t("registry.dashboard.reviewsDue")}</h2>
              {d.reviewsDue.length === 0 ? (
                none
              ) : (
                <ul className="link-list">
                  {d.reviewsDue.map((r) => (
                    <li key={r.id}>
                      <Link to={`/registry/files/${r.id}`}>{r.name}</Link>{" "}
                      <DateStatus due={r.nextReviewOn} today={d.today} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="card" aria-labelledby="dash-risk">
              <h2 id="dash-risk">{t("registry.dashboard.riskReviewsDue")}</h2>
              {(d.riskReviewsDue ?? []).length === 0 ? (
                none
              ) : (
                <ul className="link-list">
                  {d.riskReviewsDue.map((r) => (
                    <li key={r.assessmentId}>
                      <Link to={`/registry/files/${r.fileId}?tab=risk`}>{r.fileName}</Link>{" "}
                      <span className="muted">{t(`registry.enum.riskLevel.${r.level}`)}</span>{" "}
                      <DateStatus due={r.nextReviewOn} today={d.today} soonDays={60} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="card" aria-labelledby="dash-contracts">
              <h2 id="dash-contracts">{t("registry.dashboard.contractsExpiring")}</h2>
              {d.contractsExpiring.length === 0 ? (
                none
              ) : (
                <ul className="link-list">
                  {d.contractsExpiring.map((c) => (
                    <li key={c.id}>
                      <Link to={`/registry/entrustments/${c.id}`}>{c.vendor}</Link>{" "}
                      <DateStatus due={c.contractEnd} today={d.today} soonDays={60} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="card" aria-labelledby="dash-overdue">
              <h2 id="dash-overdue">{t("registry.dashboard.overdueActions")}</h2>
              {d.overdueActions.length === 0 ? (
                none
              ) : (
                <ul className="link-list">
                  {d.overdueActions.map((a) => (
                    <li key={a.id}>
                      <Link to={`/registry/entrustments/${a.entrustmentId}`}>{a.vendor}</Link>: {a.action}{" "}
                      <DateStatus due={a.dueOn} today={d.today} />
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section className="card" aria-labelledby="dash-campaign">
              <h2 id="dash-campaign">{t("registry.dashboard.campaign")}</h2>
              {!d.campaign ? (
                none
              ) : (
                <p>
                  <Link to={`/registry/campaigns/${d.campaign.id}`}>{d.campaign.title}</Link>{" "}
                  <DateStatus due={d.campaign.dueOn} today={d.today} /> —{" "}
                  {t("registry.campaigns.progressText", {
                    done: d.campaign.progress.confirmed + d.campaign.progress.updated,
                    total: d.campaign.progress.total,
                  })}
                </p>
              )}
            </section>
            <section className="card" aria-labelledby="dash-campaign-overdue">
              <h2 id="dash-campaign-overdue">{t("registry.dashboard.campaignOverdue")}</h2>
              {(d.campaignOverdue ?? []).length === 0 ? (
                none
              ) : (
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("registry.dashboard.unit")}</th>
                      <th scope="col">{t("registry.dashboard.campaignCol")}</th>
                      <th scope="col" className="num">
                        {t("registry.dashboard.pendingFiles")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.campaignOverdue.map((o) => (
                      <tr key={`${o.campaignId}-${o.unitId ?? ""}`}>
                        <th scope="row">{o.unitName ?? t("registry.dashboard.noUnit")}</th>
                        <td>
                          <Link to={`/registry/campaigns/${o.campaignId}`}>{o.title}</Link>{" "}
                          <DateStatus due={o.dueOn} today={d.today} />
                        </td>
                        <td className="num" title={o.files.map((f) => f.name).join(", ")}>
                          {o.pending}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
            <DriftPanel
              items={(d as { driftFindings?: DriftFinding[] }).driftFindings}
              mayCheck={can("pii.drift")}
            />
          </div>
        </>
      )}
    </Page>
  );
}
