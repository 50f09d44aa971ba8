import { CASE_STATES } from "@civicpims/core/cases/machine";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../../api";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page } from "../../components/page";
import { Pager } from "../../components/pager";
import { useLoad } from "../../components/use-load";
import { useReadySession, useSession } from "../../session";
import { DueBadge } from "../cases/due-badge";
import "../cases/i18n";
import type { CaseRow, Paged } from "../cases/types";
import { useUnits } from "../org/use-units";
import "./i18n";
import { useCatalogue, useStaff } from "./use-catalogue";

const PAGE_SIZE = 50;

/** Local date (yyyy-mm-dd) -> instant at the start (or end) of that day in the agency's zone, roughly. */
function dayBound(day: string, end: boolean): string {
  return `${day}T${end ? "23:59:59" : "00:00:00"}`;
}

/** /requests: rights requests with filters in the address (state, unit, assignee, due window, overdue). */
export function RequestListPage() {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const session = useReadySession();
  const [params, setParams] = useSearchParams();
  const { unitOptions, unitName } = useUnits();
  const staff = useStaff(can("org.staff.read"));
  const cat = useCatalogue();
  const id = useId();
  const page = Number(params.get("page") ?? "1") || 1;
  const key = params.toString();
  const load = useLoad(
    (signal) => {
      const q = Object.fromEntries(params.entries());
      return api.get<Paged<CaseRow & { requesterName?: string | null }>>("/api/requests", {
        signal,
        query: {
          ...q,
          dueFrom: q.dueFrom ? dayBound(q.dueFrom, false) : undefined,
          dueTo: q.dueTo ? dayBound(q.dueTo, true) : undefined,
          page,
          pageSize: PAGE_SIZE,
        },
      });
    },
    [key],
  );
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== "page") next.delete("page");
    setParams(next, { replace: true });
  };
  const select = (k: string, label: string, options: Array<{ value: string; label: string }>) => (
    <div className="field">
      <label htmlFor={`${id}-${k}`}>{label}</label>
      <select id={`${id}-${k}`} value={params.get(k) ?? ""} onChange={(e) => set(k, e.target.value)}>
        <option value="">{t("common.all")}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
  const date = (k: string, label: string) => (
    <div className="field">
      <label htmlFor={`${id}-${k}`}>{label}</label>
      <input
        id={`${id}-${k}`}
        type="date"
        value={params.get(k) ?? ""}
        onChange={(e) => set(k, e.target.value)}
      />
    </div>
  );
  const staffName = (sid: string | null) => staff.find((s) => s.id === sid)?.displayName ?? "";
  return (
    <Page
      title={t("requests.list.title")}
      actions={
        can("requests.create") ? (
          <Link className="btn btn-primary" to="/requests/new">
            {t("requests.list.create")}
          </Link>
        ) : null
      }
    >
      <form
        className="filters card"
        aria-label={t("requests.list.filters")}
        onSubmit={(e) => {
          e.preventDefault();
          const q = new FormData(e.currentTarget).get("q");
          set("q", typeof q === "string" ? q.trim() : "");
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{t("requests.list.number")}</label>
          <input
            id={`${id}-q`}
            name="q"
            type="search"
            defaultValue={params.get("q") ?? ""}
            key={params.get("q")}
          />
        </div>
        {select(
          "state",
          t("requests.list.state"),
          CASE_STATES.map((s) => ({ value: s, label: t(`cases.state.${s}`) })),
        )}
        {select("unitId", t("requests.list.unit"), unitOptions())}
        {staff.length > 0 &&
          select(
            "assigneeId",
            t("requests.list.assignee"),
            staff.map((s) => ({ value: s.id, label: s.displayName })),
          )}
        {date("dueFrom", t("requests.list.dueFrom"))}
        {date("dueTo", t("requests.list.dueTo"))}
        {select("sort", t("requests.list.sort"), [
          { value: "due", label: t("requests.list.sortDue") },
          { value: "received", label: t("requests.list.sortReceived") },
        ])}
        <div className="form-actions">
          <label className="inline-check">
            <input
              type="checkbox"
              checked={params.get("overdue") === "true"}
              onChange={(e) => set("overdue", e.target.checked ? "true" : "")}
            />
            {t("requests.list.overdueOnly")}
          </label>
          <button type="submit" className="btn btn-primary">
            {t("common.search")}
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => setParams(new URLSearchParams(), { replace: true })}
          >
            {t("common.clearFilters")}
          </button>
        </div>
      </form>
      <ErrorBox text={load.error} />
      {load.loading && !load.data && <Loading />}
      {load.data && (
        <>
          <p role="status" aria-live="polite" className="muted">
            {t("requests.list.total", { count: load.data.total })}
          </p>
          {load.data.items.length === 0 ? (
            <p>{t("common.noResults")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="requests-list">
                <caption className="sr-only">{t("requests.list.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("requests.list.number")}</th>
                    <th scope="col">{t("requests.detail.requester")}</th>
                    <th scope="col">{t("requests.field.kind")}</th>
                    <th scope="col">{t("requests.list.state")}</th>
                    <th scope="col">{t("requests.field.channel")}</th>
                    <th scope="col">{t("requests.list.received")}</th>
                    <th scope="col">{t("requests.list.due")}</th>
                    <th scope="col">{t("requests.list.unit")}</th>
                    <th scope="col">{t("requests.list.assignee")}</th>
                  </tr>
                </thead>
                <tbody>
                  {load.data.items.map((c) => (
                    <tr key={c.id}>
                      <th scope="row">
                        <Link to={`/requests/${c.id}`} className="mono">
                          {c.number}
                        </Link>
                      </th>
                      <td>{c.requesterName ?? ""}</td>
                      <td>{cat.kindName(c.requestKind)}</td>
                      <td>
                        {t(`cases.state.${c.state}`)}
                        {c.outcome && <span className="muted"> · {t(`requests.outcome.${c.outcome}`)}</span>}
                      </td>
                      <td>{t(`requests.channel.${c.channel}`)}</td>
                      <td className="nowrap">
                        {formatDateTime(c.receivedAt, i18n.language, session.agency.timeZone)}
                      </td>
                      <td>
                        <DueBadge c={c} timeZone={session.agency.timeZone} />
                      </td>
                      <td>{c.unitId ? unitName(c.unitId) : ""}</td>
                      <td>{staffName(c.assigneeId)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            label={t("requests.list.title")}
            page={page}
            pageSize={PAGE_SIZE}
            total={load.data.total}
            onPage={(p) => set("page", String(p))}
          />
        </>
      )}
    </Page>
  );
}
