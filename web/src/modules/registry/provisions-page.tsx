import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { ErrorBox, Loading, Page, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import { ProvisionsTable } from "./provisions-list";
import type { OutOfPurposeLogRow, Provision } from "./types";
import { useAct } from "./use-act";
import { useCatalogues, useFileOptions, useStaffNames } from "./use-registry-data";

/** /registry/provisions: the approval queue, all provisions, and the out-of-purpose log (목적 외 이용·제공 대장). */
export function ProvisionsPage() {
  const { t } = useTranslation();
  const act = useAct();
  const cat = useCatalogues();
  const { names } = useFileOptions();
  const { can } = useSession();
  const staffName = useStaffNames(can("org.staff.read"));
  // One-off in-purpose provisions are logged too; their ground comes from the other list.
  const groundName = (code: string) => {
    const a = cat.nameOf("outOfPurposeGrounds", code);
    return a !== code ? a : cat.nameOf("provisionGrounds", code);
  };
  const all = useLoad((signal) => api.get<Provision[]>("/api/registry/provisions", { signal }), []);
  const log = useLoad(
    (signal) => api.get<OutOfPurposeLogRow[]>("/api/registry/out-of-purpose-log", { signal }),
    [],
  );
  const reload = () => {
    all.reload();
    log.reload();
  };
  const pending = (all.data ?? []).filter((p) => p.status === "pending");
  return (
    <Page title={t("registry.provisions.title")}>
      <StatusMessage text={act.status} />
      <ErrorBox text={all.error ?? log.error ?? act.error} />
      <p className="notice">{t("registry.provisions.approvalNote")}</p>
      <section aria-labelledby="prov-pending">
        <h2 id="prov-pending">{t("registry.provisions.pending")}</h2>
        {!all.data ? (
          <Loading />
        ) : (
          <ProvisionsTable provisions={pending} act={act} onChanged={reload} showFile fileNames={names} />
        )}
      </section>
      <section aria-labelledby="prov-all">
        <h2 id="prov-all">{t("registry.detail.provisions")}</h2>
        {all.data && (
          <ProvisionsTable
            provisions={all.data.filter((p) => p.status !== "pending")}
            act={act}
            onChanged={reload}
            showFile
            fileNames={names}
          />
        )}
      </section>
      <section aria-labelledby="prov-log">
        <h2 id="prov-log">{t("registry.provisions.log")}</h2>
        {!log.data ? (
          <Loading />
        ) : log.data.length === 0 ? (
          <p className="muted">{t("registry.provisions.logEmpty")}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t("registry.provisions.providedOn")}</th>
                  <th scope="col">{t("registry.provisions.file")}</th>
                  <th scope="col">{t("registry.provisions.recipient")}</th>
                  <th scope="col">{t("registry.provisions.legalGround")}</th>
                  <th scope="col">{t("registry.provisions.purpose")}</th>
                  <th scope="col">{t("registry.provisions.items")}</th>
                  <th scope="col">{t("registry.provisions.approvedBy")}</th>
                </tr>
              </thead>
              <tbody>
                {log.data.map((r) => (
                  <tr key={r.id}>
                    <td className="nowrap">{r.providedOn ?? r.approvedAt?.slice(0, 10)}</td>
                    <td>{r.fileName}</td>
                    <th scope="row">{r.recipient}</th>
                    <td>{groundName(r.groundCode)}</td>
                    <td>{r.purpose}</td>
                    <td>{r.items.join(", ")}</td>
                    <td>
                      {staffName(r.approvedBy)}{" "}
                      <span className="muted small">{r.approvedAt?.slice(0, 10)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>
  );
}
