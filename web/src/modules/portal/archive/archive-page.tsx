import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { api } from "../../../api";
import { formatCalendarDate } from "../../../components/format";
import { ErrorBox, Loading } from "../../../components/page";
import { Pager } from "../../../components/pager";
import { useLoad } from "../../../components/use-load";
import { usePortal } from "../portal-context";
import { PortalPageFrame } from "../portal-page-frame";
import "./i18n";

interface ArchiveItem {
  id: string;
  title: string;
  summary: string;
  documentDate: string;
  unit: string | null;
  filename: string;
  size: number;
}

interface ArchivePage {
  items: ArchiveItem[];
  total: number;
  page: number;
  pageSize: number;
}

const sizeText = (bytes: number, locale: string) =>
  bytes < 1048576
    ? `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.max(1, bytes / 1024))} KB`
    : `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(bytes / 1048576)} MB`;

/**
 * /portal/:agency/archive: the agency's public archive of released documents (J1), searchable by words in
 * the title and summary. The search and page live in the address, so a result list can be linked. An
 * agency that does not publish an archive gets the server's message.
 */
export default function PortalArchivePage() {
  const { t, i18n } = useTranslation();
  const { agency } = usePortal();
  const [params, setParams] = useSearchParams();
  const q = params.get("q") ?? "";
  const page = Math.max(1, Number(params.get("page")) || 1);
  const base = `/api/portal/${encodeURIComponent(agency.code)}/archive`;
  const load = useLoad(
    (signal) => api.get<ArchivePage>(base, { signal, query: { ...(q ? { q } : {}), page } }),
    [base, q, page],
  );
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (inputRef.current) inputRef.current.value = q;
  }, [q]);
  const title = t("portalArchive.title");
  const data = load.data;
  return (
    <PortalPageFrame title={title}>
      <p>{t("portalArchive.intro")}</p>
      <search>
        <form
          className="inline-form"
          aria-label={title}
          onSubmit={(e) => {
            e.preventDefault();
            const next = (inputRef.current?.value ?? "").trim();
            setParams(next ? { q: next } : {});
          }}
        >
          <div className="field">
            <label htmlFor="archive-q">{t("portalArchive.search")}</label>
            <input id="archive-q" ref={inputRef} type="search" name="q" defaultValue={q} maxLength={200} />
          </div>
          <button type="submit" className="btn btn-primary">
            {t("portalArchive.submit")}
          </button>
        </form>
      </search>
      <ErrorBox text={load.error} />
      {load.loading && !data && <Loading />}
      {data && (
        <section aria-labelledby="archive-results-h" data-testid="portal-archive">
          <h2 id="archive-results-h">{t("portalArchive.results")}</h2>
          <p aria-live="polite">
            {data.total === 0
              ? t(q ? "portalArchive.noMatch" : "portalArchive.empty")
              : t("portalArchive.total", { count: data.total })}
          </p>
          <ul className="archive-results">
            {data.items.map((d) => (
              <li key={d.id} className="card">
                <h3>{d.title}</h3>
                {d.summary && <p>{d.summary}</p>}
                <dl className="facts">
                  <dt>{t("portalArchive.date")}</dt>
                  <dd>{formatCalendarDate(d.documentDate, i18n.language)}</dd>
                  {d.unit && (
                    <>
                      <dt>{t("portalArchive.unit")}</dt>
                      <dd>{d.unit}</dd>
                    </>
                  )}
                </dl>
                <a className="btn" href={`${base}/${d.id}/file`} download={d.filename}>
                  {/* The visible words start the accessible name (WCAG 2.5.3); the title and size follow
                      for screen readers, which otherwise hear the same "Download PDF" on every card. */}
                  {t("portalArchive.download")}
                  <span className="sr-only">
                    {" "}
                    {t("portalArchive.downloadOf", { title: d.title, size: sizeText(d.size, i18n.language) })}
                  </span>
                </a>
              </li>
            ))}
          </ul>
          <Pager
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            label={t("portalArchive.pages")}
            onPage={(p) => setParams(q ? { q, page: String(p) } : { page: String(p) })}
          />
        </section>
      )}
    </PortalPageFrame>
  );
}
