import { useId } from "react";
import { useTranslation } from "react-i18next";

/** Search box, print and JSON link above a published list; hidden when printing. */
export function PublicListTools({
  query,
  onQuery,
  jsonHref,
  count,
}: {
  query: string;
  onQuery(q: string): void;
  jsonHref: string;
  count: number;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="public-tools no-print">
      <div className="field public-search">
        <label htmlFor={id}>{t("portal.search")}</label>
        <p className="hint" id={`${id}-hint`}>
          {t("portal.searchHint")}
        </p>
        <input
          id={id}
          type="search"
          value={query}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onQuery(e.target.value)}
        />
      </div>
      <div className="public-actions">
        <button type="button" className="btn" onClick={() => window.print()}>
          {t("portal.print")}
        </button>
        <a className="btn" href={jsonHref} target="_blank" rel="noopener" type="application/json">
          {t("portal.json")}
        </a>
      </div>
      <p className="public-count" role="status" aria-live="polite">
        {t("portal.resultCount", { count })}
      </p>
    </div>
  );
}

/** Heading lines that only appear on paper: agency, list title, print date. */
export function PrintHeader({ agency, title }: { agency: string; title: string }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="print-only">
      <p>
        <strong>{agency}</strong> — {title}
      </p>
      <p>{t("portal.printedOn", { date: new Intl.DateTimeFormat(i18n.language).format(new Date()) })}</p>
    </div>
  );
}
