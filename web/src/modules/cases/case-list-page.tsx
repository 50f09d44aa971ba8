import { CASE_STATES } from "@civicpims/core/cases/machine";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../../api";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading, Page } from "../../components/page";
import { Pager } from "../../components/pager";
import { useLoad } from "../../components/use-load";
import { useReadySession, useSession } from "../../session";
import { useUnits } from "../org/use-units";
import { DueBadge } from "./due-badge";
import "./i18n";
import type { CaseRow, Paged } from "./types";

const PAGE_SIZE = 50;

/** Local date (yyyy-mm-dd) -> instant at the start (or end) of that day in the agency's zone, roughly. */
function dayBound(day: string, end: boolean): string {
  return `${day}T${end ? "23:59:59" : "00:00:00"}`;
}

/** Staff of the agency for assignee pickers (empty without permission to list staff). */
export function useAgencyStaff(enabled: boolean) {
  const load = useLoad(
    (signal) =>
      enabled
        ? api.get<Array<{ id: string; displayName: string; username: string }>>("/api/org/staff", { signal })
        : Promise.resolve([]),
    [enabled],
  );
  return load.data ?? [];
}

/** One column of a case kind's own (between the receipt number and the state). */
export interface CaseListColumn<R> {
  key: string;
  header: string;
  cell(row: R): ReactNode;
}

export interface FilterHelpers {
  /** A select bound to the search parameter `k` ("" = all). */
  select(k: string, label: string, options: Array<{ value: string; label: string }>): ReactNode;
  /** A date input bound to the search parameter `k`. */
  date(k: string, label: string): ReactNode;
}

/**
 * The list, filter and pager frame every case kind's list shares (requests, petitions, disclosure):
 * filters live in the address (q, state, unit, assignee, due window, sort, overdue), the kind adds its
 * own columns and filters. The server endpoint takes the same query names (see requests list route).
 */
export function CaseListPage<R extends CaseRow>({
  title,
  endpoint,
  detailPath,
  create,
  columns,
  afterState,
  stateSuffix,
  extraFilters,
  totalText,
  testId,
  filtersLabel,
}: {
  title: string;
  /** Accessible name of the filter form (default: generic "Filter"). */
  filtersLabel?: string;
  /** e.g. "/api/requests"; answers Paged<R>. */
  endpoint: string;
  /** Link target of a row, e.g. (id) => `/requests/${id}`. */
  detailPath(id: string): string;
  /** The "new" button (shown only when the caller decided the user may). */
  create?: { to: string; label: string } | null;
  /** Columns of the kind, after the receipt number. */
  columns: Array<CaseListColumn<R>>;
  /** Shown after the state in its cell (e.g. the outcome). */
  stateSuffix?(row: R): ReactNode;
  /** Columns after the state (e.g. channel). */
  afterState?: Array<CaseListColumn<R>>;
  /** More filter fields of the kind. */
  extraFilters?(h: FilterHelpers): ReactNode;
  totalText(count: number): string;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const session = useReadySession();
  const [params, setParams] = useSearchParams();
  const { unitOptions, unitName } = useUnits();
  const staff = useAgencyStaff(can("org.staff.read"));
  const id = useId();
  const page = Number(params.get("page") ?? "1") || 1;
  const key = params.toString();
  const load = useLoad(
    (signal) => {
      const q = Object.fromEntries(params.entries());
      return api.get<Paged<R>>(endpoint, {
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
    [key, endpoint],
  );
  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== "page") next.delete("page");
    setParams(next, { replace: true });
  };
  const helpers: FilterHelpers = {
    select: (k, label, options) => (
      <div className="field" key={k}>
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
    ),
    date: (k, label) => (
      <div className="field" key={k}>
        <label htmlFor={`${id}-${k}`}>{label}</label>
        <input
          id={`${id}-${k}`}
          type="date"
          value={params.get(k) ?? ""}
          onChange={(e) => set(k, e.target.value)}
        />
      </div>
    ),
  };
  const staffName = (sid: string | null) => staff.find((s) => s.id === sid)?.displayName ?? "";
  return (
    <Page
      title={title}
      actions={
        create ? (
          <Link className="btn btn-primary" to={create.to}>
            {create.label}
          </Link>
        ) : null
      }
    >
      <form
        className="filters card"
        aria-label={filtersLabel ?? t("cases.list.filters")}
        onSubmit={(e) => {
          e.preventDefault();
          const q = new FormData(e.currentTarget).get("q");
          set("q", typeof q === "string" ? q.trim() : "");
        }}
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{t("cases.list.number")}</label>
          <input
            id={`${id}-q`}
            name="q"
            type="search"
            defaultValue={params.get("q") ?? ""}
            key={params.get("q")}
          />
        </div>
        {helpers.select(
          "state",
          t("cases.list.state"),
          CASE_STATES.map((s) => ({ value: s, label: t(`cases.state.${s}`) })),
        )}
        {helpers.select("unitId", t("cases.list.unit"), unitOptions())}
        {staff.length > 0 &&
          helpers.select(
            "assigneeId",
            t("cases.list.assignee"),
            staff.map((s) => ({ value: s.id, label: s.displayName })),
          )}
        {extraFilters?.(helpers)}
        {helpers.date("dueFrom", t("cases.list.dueFrom"))}
        {helpers.date("dueTo", t("cases.list.dueTo"))}
        {helpers.select("sort", t("cases.list.sort"), [
          { value: "due", label: t("cases.list.sortDue") },
          { value: "received", label: t("cases.list.sortReceived") },
        ])}
        <div className="form-actions">
          <label className="inline-check">
            <input
              type="checkbox"
              checked={params.get("overdue") === "true"}
              onChange={(e) => set("overdue", e.target.checked ? "true" : "")}
            />
            {t("cases.list.overdueOnly")}
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
            {totalText(load.data.total)}
          </p>
          {load.data.items.length === 0 ? (
            <p>{t("common.noResults")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid={testId}>
                <caption className="sr-only">{title}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("cases.list.number")}</th>
                    {columns.map((c) => (
                      <th scope="col" key={c.key}>
                        {c.header}
                      </th>
                    ))}
                    <th scope="col">{t("cases.list.state")}</th>
                    {(afterState ?? []).map((c) => (
                      <th scope="col" key={c.key}>
                        {c.header}
                      </th>
                    ))}
                    <th scope="col">{t("cases.list.received")}</th>
                    <th scope="col">{t("cases.list.due")}</th>
                    <th scope="col">{t("cases.list.unit")}</th>
                    <th scope="col">{t("cases.list.assignee")}</th>
                  </tr>
                </thead>
                <tbody>
                  {load.data.items.map((row) => (
                    <tr key={row.id}>
                      <th scope="row">
                        <Link to={detailPath(row.id)} className="mono">
                          {row.number}
                        </Link>
                      </th>
                      {columns.map((c) => (
                        <td key={c.key}>{c.cell(row)}</td>
                      ))}
                      <td>
                        {t(`cases.state.${row.state}`)}
                        {stateSuffix?.(row)}
                      </td>
                      {(afterState ?? []).map((c) => (
                        <td key={c.key}>{c.cell(row)}</td>
                      ))}
                      <td className="nowrap">
                        {formatDateTime(row.receivedAt, i18n.language, session.agency.timeZone)}
                      </td>
                      <td>
                        <DueBadge c={row} timeZone={session.agency.timeZone} />
                      </td>
                      <td>{row.unitId ? unitName(row.unitId) : ""}</td>
                      <td>{staffName(row.assigneeId)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            label={title}
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
