import { useTranslation } from "react-i18next";
import { useSession } from "../../session";
import { CaseListPage } from "../cases/case-list-page";
import type { CaseRow } from "../cases/types";
import "./i18n";
import { useCatalogue } from "./use-catalogue";

type Row = CaseRow & { requesterName?: string | null };

/** /requests: rights requests with filters in the address (state, unit, assignee, due window, overdue). */
export function RequestListPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const cat = useCatalogue();
  return (
    <CaseListPage<Row>
      title={t("requests.list.title")}
      filtersLabel={t("requests.list.filters")}
      endpoint="/api/requests"
      detailPath={(id) => `/requests/${id}`}
      create={can("requests.create") ? { to: "/requests/new", label: t("requests.list.create") } : null}
      testId="requests-list"
      totalText={(count) => t("requests.list.total", { count })}
      columns={[
        { key: "requester", header: t("requests.detail.requester"), cell: (c) => c.requesterName ?? "" },
        { key: "kind", header: t("requests.field.kind"), cell: (c) => cat.kindName(c.requestKind) },
      ]}
      stateSuffix={(c) =>
        c.outcome ? <span className="muted"> · {t(`requests.outcome.${c.outcome}`)}</span> : null
      }
      afterState={[
        {
          key: "channel",
          header: t("requests.field.channel"),
          cell: (c) => t(`requests.channel.${c.channel}`),
        },
      ]}
    />
  );
}
