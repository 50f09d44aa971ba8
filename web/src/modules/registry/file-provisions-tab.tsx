import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { ErrorBox, Loading, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { ProvisionForm } from "./provision-form";
import { ProvisionsTable } from "./provisions-list";
import type { Provision, RegistryFile } from "./types";
import { useAct } from "./use-act";

export function FileProvisionsTab({ file }: { file: RegistryFile }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const act = useAct();
  const load = useLoad(
    (signal) => api.get<Provision[]>("/api/registry/provisions", { signal, query: { fileId: file.id } }),
    [file.id],
  );
  return (
    <div>
      <StatusMessage text={act.status} />
      <ErrorBox text={load.error ?? act.error} />
      {!load.data ? (
        <Loading />
      ) : (
        <ProvisionsTable provisions={load.data} act={act} onChanged={load.reload} />
      )}
      {can("registry.write") && (
        <section className="card" aria-labelledby="prov-add">
          <h2 id="prov-add">{t("registry.provisions.add")}</h2>
          <ProvisionForm
            fileId={file.id}
            onSaved={() => {
              act.setStatus(t("registry.common.created"));
              load.reload();
            }}
          />
        </section>
      )}
    </div>
  );
}
