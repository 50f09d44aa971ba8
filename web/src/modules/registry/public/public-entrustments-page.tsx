import "../i18n";
import "../registry.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api";
import { ErrorBox, Loading } from "../../../components/page";
import { useLoad } from "../../../components/use-load";
import { usePortal } from "../../portal/portal-context";
import { PortalPageFrame } from "../../portal/portal-page-frame";
import { matchesQuery, type PublicEntrustments } from "./public-data";
import { PrintHeader, PublicListTools } from "./public-list-tools";

/** The published entrustment list (위탁 운영 현황: 연번, 위탁업무 내용, 수탁기관 / 委外處理情形). */
export default function PublicEntrustmentsPage() {
  const { t } = useTranslation();
  const { agency, agencyName } = usePortal();
  const url = `/api/public/registry/${encodeURIComponent(agency.code)}/entrustments`;
  const load = useLoad((signal) => api.get<PublicEntrustments>(url, { signal }), [url]);
  const [query, setQuery] = useState("");
  const title = t("portal.service.entrustments.title");
  const rows = (load.data?.entrustments ?? []).filter((e) =>
    matchesQuery({ seq: String(e.seq), tasks: e.tasks, vendor: e.vendor }, query),
  );
  return (
    <PortalPageFrame title={title}>
      <PrintHeader agency={agencyName} title={title} />
      <p>{t("registry.public.entrustmentsIntro")}</p>
      <PublicListTools query={query} onQuery={setQuery} jsonHref={url} count={rows.length} />
      <ErrorBox text={load.error} />
      {load.loading && !load.data && <Loading />}
      {load.data && rows.length === 0 && <p>{t("registry.public.noEntrustments")}</p>}
      {rows.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
        <section className="table-wrap" aria-label={title} tabIndex={0}>
          <table className="table public-table" data-testid="public-entrustments">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("registry.public.seq")}</th>
                <th scope="col">{t("registry.public.col.tasks")}</th>
                <th scope="col">{t("registry.public.col.vendor")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={`${e.seq}-${e.vendor}`}>
                  <td className="num" data-label={t("registry.public.seq")}>
                    {e.seq}
                  </td>
                  <td data-label={t("registry.public.col.tasks")}>{e.tasks}</td>
                  <th scope="row" data-label={t("registry.public.col.vendor")}>
                    {e.vendor}
                  </th>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </PortalPageFrame>
  );
}
