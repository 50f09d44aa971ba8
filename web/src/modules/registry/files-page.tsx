import { useId } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { api } from "../../api";
import { ErrorBox, Loading, Page } from "../../components/page";
import { Pager } from "../../components/pager";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { useUnits } from "../org/use-units";
import { FileFlags } from "./file-flags";
import type { Paged, RegistryFile } from "./types";

const PAGE_SIZE = 50;
const BOOL_FILTERS = ["sensitive", "uniqueId", "entrusted", "public"] as const;

/** /registry: the register, searchable and filterable; filters live in the address so they can be shared. */
export function FilesPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const [params, setParams] = useSearchParams();
  const { unitOptions } = useUnits();
  const qId = useId();
  const page = Number(params.get("page") ?? "1") || 1;
  const query = Object.fromEntries(params.entries());
  const key = params.toString();
  const load = useLoad(
    (signal) =>
      api.get<Paged<RegistryFile>>("/api/registry/files", {
        signal,
        query: { ...query, page, pageSize: PAGE_SIZE },
      }),
    [key],
  );

  const set = (k: string, v: string) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    if (k !== "page") next.delete("page");
    setParams(next, { replace: true });
  };

  const triState = (k: string) => (
    <div className="field" key={k}>
      <label htmlFor={`${qId}-${k}`}>{t(`registry.list.${k}`)}</label>
      <select id={`${qId}-${k}`} value={params.get(k) ?? ""} onChange={(e) => set(k, e.target.value)}>
        <option value="">{t("registry.common.any")}</option>
        <option value="true">{t("registry.common.yes")}</option>
        <option value="false">{t("registry.common.no")}</option>
      </select>
    </div>
  );

  return (
    <Page
      title={t("registry.list.title")}
      actions={
        can("registry.write") ? (
          <Link className="btn btn-primary" to="/registry/files/new">
            {t("registry.list.create")}
          </Link>
        ) : null
      }
    >
      <form
        className="filters card"
        aria-label={t("registry.common.filter")}
        onSubmit={(e) => {
          e.preventDefault();
          const q = new FormData(e.currentTarget).get("q");
          set("q", typeof q === "string" ? q.trim() : "");
        }}
      >
        <div className="field">
          <label htmlFor={`${qId}-q`}>{t("registry.list.search")}</label>
          <input
            id={`${qId}-q`}
            name="q"
            type="search"
            defaultValue={params.get("q") ?? ""}
            key={params.get("q")}
          />
        </div>
        <div className="field">
          <label htmlFor={`${qId}-unit`}>{t("registry.list.unit")}</label>
          <select
            id={`${qId}-unit`}
            value={params.get("unitId") ?? ""}
            onChange={(e) => set("unitId", e.target.value)}
          >
            <option value="">{t("registry.common.any")}</option>
            {unitOptions().map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        {BOOL_FILTERS.map(triState)}
        <div className="field">
          <label htmlFor={`${qId}-status`}>{t("registry.common.status")}</label>
          <select
            id={`${qId}-status`}
            value={params.get("status") ?? ""}
            onChange={(e) => set("status", e.target.value)}
          >
            <option value="">{t("registry.common.any")}</option>
            {(["active", "retired"] as const).map((s) => (
              <option key={s} value={s}>
                {t(`registry.enum.fileStatus.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${qId}-sort`}>{t("registry.list.sort")}</label>
          <select
            id={`${qId}-sort`}
            value={params.get("sort") ?? ""}
            onChange={(e) => set("sort", e.target.value)}
          >
            <option value="">{t("registry.list.sortName")}</option>
            <option value="-updatedAt">{t("registry.list.sortUpdated")}</option>
            <option value="nextReviewOn">{t("registry.list.sortReview")}</option>
            <option value="unit">{t("registry.list.sortUnit")}</option>
          </select>
        </div>
        <div className="form-actions">
          <label className="inline-check">
            <input
              type="checkbox"
              checked={params.get("reviewDue") === "true"}
              onChange={(e) => set("reviewDue", e.target.checked ? "true" : "")}
            />
            {t("registry.list.reviewDue")}
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
            {t("registry.common.total", { count: load.data.total })}
          </p>
          {load.data.items.length === 0 ? (
            <p>{t("registry.list.empty")}</p>
          ) : (
            <div className="table-wrap">
              <table className="table" data-testid="registry-files">
                <caption className="sr-only">{t("registry.list.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("registry.field.name.label")}</th>
                    <th scope="col">{t("registry.list.unit")}</th>
                    <th scope="col">{t("registry.list.flags")}</th>
                    <th scope="col">{t("registry.field.retentionPeriod.label")}</th>
                    <th scope="col">{t("registry.field.nextReviewOn.label")}</th>
                  </tr>
                </thead>
                <tbody>
                  {load.data.items.map((f) => (
                    <tr key={f.id}>
                      <th scope="row">
                        <Link to={`/registry/files/${f.id}`}>{f.name}</Link>
                      </th>
                      <td>{f.unitName}</td>
                      <td>
                        <FileFlags file={f} />
                      </td>
                      <td>{f.retentionPeriod}</td>
                      <td className="nowrap">{f.nextReviewOn}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            label={t("registry.list.title")}
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
