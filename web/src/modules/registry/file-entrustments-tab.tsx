import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api";
import { DateStatus } from "../../components/date-status";
import { ErrorBox, Loading } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";
import type { Entrustment, RegistryFile } from "./types";

/** The entrustments that cover this file; the checklist and supervision live on the entrustment. */
export function FileEntrustmentsTab({ file }: { file: RegistryFile }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const load = useLoad((signal) => api.get<Entrustment[]>("/api/registry/entrustments", { signal }), []);
  const mine = (load.data ?? []).filter((e) => e.fileIds.includes(file.id));
  return (
    <div>
      <ErrorBox text={load.error} />
      {!load.data && <Loading />}
      {load.data && <EntrustmentTable entrustments={mine} />}
      {can("registry.write") && (
        <p>
          <Link className="btn" to={`/registry/entrustments?new=1&fileId=${file.id}`}>
            {t("registry.entrustments.create")}
          </Link>
        </p>
      )}
    </div>
  );
}

export function EntrustmentTable({ entrustments }: { entrustments: Entrustment[] }) {
  const { t } = useTranslation();
  if (entrustments.length === 0) return <p className="muted">{t("registry.entrustments.empty")}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("registry.entrustments.seq")}</th>
            <th scope="col">{t("registry.entrustments.vendor")}</th>
            <th scope="col">{t("registry.entrustments.tasks")}</th>
            <th scope="col">{t("registry.entrustments.contractEnd")}</th>
            <th scope="col">{t("registry.entrustments.checklist")}</th>
            <th scope="col">{t("registry.common.status")}</th>
          </tr>
        </thead>
        <tbody>
          {entrustments.map((e) => {
            const missing = e.clauses.filter((c) => c.status === "missing").length;
            return (
              <tr key={e.id}>
                <td className="num">{e.seq}</td>
                <th scope="row">
                  <Link to={`/registry/entrustments/${e.id}`}>{e.vendor}</Link>
                </th>
                <td>{e.tasks}</td>
                <td className="nowrap">
                  {e.status === "active" ? <DateStatus due={e.contractEnd} soonDays={60} /> : e.contractEnd}
                </td>
                <td>
                  {missing > 0 ? (
                    <span className="badge badge-warn">
                      {t("registry.enum.clauseStatus.missing")} {missing}
                    </span>
                  ) : (
                    <span className="badge badge-ok">{t("registry.enum.clauseStatus.met")}</span>
                  )}
                </td>
                <td>
                  {t(`registry.enum.entrustmentStatus.${e.status}`)}
                  {e.isPublic && <span className="badge badge-ok"> {t("registry.list.public")}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
