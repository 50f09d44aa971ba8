import "../i18n";
import "../registry.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api";
import { ErrorBox, Loading } from "../../../components/page";
import { useLoad } from "../../../components/use-load";
import { usePortal } from "../../portal/portal-context";
import { PortalPageFrame } from "../../portal/portal-page-frame";
import {
  matchesQuery,
  PUBLIC_FILE_COLUMNS,
  type PublicFiles,
  type PublicValue,
  publicParts,
  publicText,
} from "./public-data";
import { PrintHeader, PublicListTools } from "./public-list-tools";

/**
 * The agency's published file list without sign-in: KR 개인정보파일 목록 (PIPA 32), TW 個人資料檔案公開項目
 * (PDPA 17). Only files the agency marked public reach this endpoint. Searchable, printable, and the
 * same data as JSON.
 */
export default function PublicFilesPage() {
  const { t } = useTranslation();
  const { agency, agencyName } = usePortal();
  const url = `/api/public/registry/${encodeURIComponent(agency.code)}/files`;
  const load = useLoad((signal) => api.get<PublicFiles>(url, { signal }), [url]);
  const [query, setQuery] = useState("");
  const j = agency.jurisdiction;
  const title = t(`portal.service.registerFiles.${j}`);
  const columns = PUBLIC_FILE_COLUMNS[j];
  const rows = (load.data?.files ?? []).filter((f) => matchesQuery(f, query));

  const cell = (key: string, v: PublicValue) => {
    if (key === "processingMethod" && typeof v === "string")
      return t(`registry.enum.processingMethod.${v}`, v);
    const parts = publicParts(v);
    if (parts.length > 1)
      return (
        <ul className="cell-list">
          {parts.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      );
    return parts[0] ?? "";
  };

  return (
    <PortalPageFrame title={title}>
      <PrintHeader agency={agencyName} title={title} />
      <p>{t(`registry.public.filesIntro.${j}`)}</p>
      <PublicListTools query={query} onQuery={setQuery} jsonHref={url} count={rows.length} />
      <ErrorBox text={load.error} />
      {load.loading && !load.data && <Loading />}
      {load.data && rows.length === 0 && <p>{t("registry.public.noFiles")}</p>}
      {rows.length > 0 && (
        <div className="table-wrap">
          <table className="table public-table" data-testid="public-files">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("registry.public.seq")}</th>
                {columns.map((c) => (
                  <th scope="col" key={c}>
                    {t(`registry.public.col.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((f, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: published rows carry no id and names may repeat across units
                <tr key={`${publicText(f.name)}-${i}`}>
                  <td className="num" data-label={t("registry.public.seq")}>
                    {i + 1}
                  </td>
                  {columns.map((c, ci) =>
                    ci === 0 ? (
                      <th scope="row" key={c} data-label={t(`registry.public.col.${c}`)}>
                        {cell(c, f[c])}
                      </th>
                    ) : (
                      <td key={c} data-label={t(`registry.public.col.${c}`)}>
                        {cell(c, f[c])}
                      </td>
                    ),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </PortalPageFrame>
  );
}
