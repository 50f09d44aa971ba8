import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, buildUrl } from "../../api";
import { ErrorBox, Loading, Page } from "../../components/page";
import { useLoad } from "../../components/use-load";
import "./i18n";
import "./letters.css";
import type { LetterKinds } from "./types";

/** Every notice of the agency's rule pack, rendered with sample data, in each language. */
export function LetterPreviewPage() {
  const { t } = useTranslation();
  const kinds = useLoad((signal) => api.get<LetterKinds>("/api/letters/kinds", { signal }), []);
  const [kind, setKind] = useState("");
  const [locale, setLocale] = useState("");
  const k = kinds.data;
  const chosenKind = kind || k?.kinds[0] || "";
  const chosenLocale = locale || k?.defaultLocale || "ko";
  const src = chosenKind
    ? buildUrl("/api/letters/preview", { kind: chosenKind, locale: chosenLocale })
    : null;
  const pages = useLoad(
    (signal) =>
      chosenKind
        ? api.get<{ pages: string[] }>("/api/letters/preview", {
            signal,
            query: { kind: chosenKind, locale: chosenLocale, format: "png" },
          })
        : Promise.resolve({ pages: [] as string[] }),
    [chosenKind, chosenLocale],
  );
  return (
    <Page title={t("letters.preview.title")}>
      <p className="muted">{t("letters.preview.intro")}</p>
      <ErrorBox text={kinds.error} />
      {kinds.loading && !k && <Loading />}
      {k && (
        <div className="filters letters-filters">
          <label>
            {t("letters.preview.kind")}{" "}
            <select value={chosenKind} onChange={(e) => setKind(e.target.value)}>
              {k.kinds.map((x) => (
                <option key={x} value={x}>
                  {t(`letters.kinds.${x}`, x)}
                </option>
              ))}
            </select>
          </label>{" "}
          <label>
            {t("letters.preview.locale")}{" "}
            <select value={chosenLocale} onChange={(e) => setLocale(e.target.value)}>
              {k.locales.map((x) => (
                <option key={x} value={x}>
                  {t(`letters.locales.${x}`, x)}
                </option>
              ))}
            </select>
          </label>{" "}
          {src && (
            <a className="btn btn-small" href={src} target="_blank" rel="noreferrer">
              {t("letters.preview.open")}
            </a>
          )}
        </div>
      )}
      <ErrorBox text={pages.error} />
      {pages.loading && chosenKind && <Loading />}
      {pages.data && (
        <div className="letter-pages" aria-busy={pages.loading}>
          {pages.data.pages.map((png, i) => (
            <img
              // biome-ignore lint/suspicious/noArrayIndexKey: pages have no identity beyond their order
              key={i}
              className="letter-page"
              src={png}
              alt={t("letters.preview.pageAlt", {
                kind: t(`letters.kinds.${chosenKind}`, chosenKind),
                page: i + 1,
              })}
            />
          ))}
        </div>
      )}
    </Page>
  );
}
