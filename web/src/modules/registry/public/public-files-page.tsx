import "../i18n";
import "../registry.css";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../../api";
import { ErrorBox, Loading } from "../../../components/page";
import { useLoad } from "../../../components/use-load";
import { usePortal } from "../../portal/portal-context";
import { PortalPageFrame } from "../../portal/portal-page-frame";
import { matchesQuery, type PublicFiles } from "./public-data";
import { PublicFileTable } from "./public-file-table";
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
  const rows = (load.data?.files ?? []).filter((f) => matchesQuery(f, query));

  return (
    <PortalPageFrame title={title}>
      <PrintHeader agency={agencyName} title={title} />
      <p>{t(`registry.public.filesIntro.${j}`)}</p>
      <PublicListTools query={query} onQuery={setQuery} jsonHref={url} count={rows.length} />
      <ErrorBox text={load.error} />
      {load.loading && !load.data && <Loading />}
      {load.data && rows.length === 0 && <p>{t("registry.public.noFiles")}</p>}
      {rows.length > 0 && (
        <PublicFileTable jurisdiction={j} rows={rows} caption={title} testId="public-files" />
      )}
    </PortalPageFrame>
  );
}
