import { useTranslation } from "react-i18next";
import { useSession } from "../../session";
import { CaseListPage } from "../cases/case-list-page";
import "./i18n";
import type { DisclosureRow } from "./types";
import { maskName } from "./view";

/** /disclosure: disclosure requests in the shared case list frame (filters in the address). */
export function DisclosureListPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  return (
    <CaseListPage<DisclosureRow>
      title={t("disclosure.list.title")}
      filtersLabel={t("disclosure.list.filters")}
      endpoint="/api/disclosure"
      detailPath={(id) => `/disclosure/${id}`}
      create={can("disclosure.create") ? { to: "/disclosure/new", label: t("disclosure.list.create") } : null}
      testId="disclosure-list"
      totalText={(count) => t("disclosure.list.total", { count })}
      columns={[
        // Masked on the list (the detail shows the name to those who may read it; the read is ledgered).
        { key: "requester", header: t("disclosure.list.requester"), cell: (c) => maskName(c.requesterName) },
        { key: "subject", header: t("disclosure.list.subject"), cell: (c) => c.subjectSummary ?? "" },
      ]}
      afterState={[
        {
          key: "outcome",
          header: t("disclosure.list.outcome"),
          cell: (c) => t(`disclosure.outcome.${c.disclosureOutcome ?? "none"}`),
        },
      ]}
    />
  );
}
