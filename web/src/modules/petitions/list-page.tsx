import { useTranslation } from "react-i18next";
import { useSession } from "../../session";
import { CaseListPage } from "../cases/case-list-page";
import "./i18n";
import type { PetitionRow } from "./types";
import { usePetitionTypes } from "./use-types";

/** /petitions: civil petitions in the shared case list frame (filters in the address). */
export function PetitionListPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const types = usePetitionTypes();
  return (
    <CaseListPage<PetitionRow>
      title={t("petitions.list.title")}
      filtersLabel={t("petitions.list.filters")}
      endpoint="/api/petitions"
      detailPath={(id) => `/petitions/${id}`}
      create={can("petitions.create") ? { to: "/petitions/new", label: t("petitions.list.create") } : null}
      testId="petitions-list"
      totalText={(count) => t("petitions.list.total", { count })}
      columns={[
        { key: "petitioner", header: t("petitions.list.petitioner"), cell: (c) => c.petitionerName ?? "" },
        { key: "type", header: t("petitions.list.type"), cell: (c) => types.typeName(c.requestKind) },
      ]}
      afterState={[
        {
          key: "channel",
          header: t("petitions.list.channel"),
          cell: (c) => t(`petitions.channel.${c.channel}`),
        },
      ]}
    />
  );
}
