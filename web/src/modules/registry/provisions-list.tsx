import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api";
import { useSession } from "../../session";
import type { Provision } from "./types";
import type { useAct } from "./use-act";
import { useCatalogues } from "./use-registry-data";

/** Provisions as a table; pending ones get approve / reject for whoever holds registry.approve. */
export function ProvisionsTable({
  provisions,
  act,
  onChanged,
  showFile,
  fileNames,
}: {
  provisions: Provision[];
  act: ReturnType<typeof useAct>;
  onChanged(): void;
  showFile?: boolean;
  fileNames?: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { can } = useSession();
  const cat = useCatalogues();
  const decide = (p: Provision, decision: "approve" | "reject") =>
    act.run(async () => {
      const note = window.prompt(t("registry.provisions.decisionNote")) ?? "";
      await api.post(`/api/registry/provisions/${p.id}/decision`, {
        decision,
        version: p.version,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onChanged();
      return t("registry.common.saved");
    });
  if (provisions.length === 0) return <p className="muted">{t("registry.provisions.empty")}</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <thead>
          <tr>
            {showFile && <th scope="col">{t("registry.provisions.file")}</th>}
            <th scope="col">{t("registry.provisions.recipient")}</th>
            <th scope="col">{t("registry.provisions.legalGround")}</th>
            <th scope="col">{t("registry.provisions.items")}</th>
            <th scope="col">{t("registry.provisions.purpose")}</th>
            <th scope="col">{t("registry.provisions.kind")}</th>
            <th scope="col">{t("registry.common.status")}</th>
          </tr>
        </thead>
        <tbody>
          {provisions.map((p) => (
            <tr key={p.id}>
              {showFile && (
                <td>
                  {p.fileId ? (
                    <Link to={`/registry/files/${p.fileId}?tab=provisions`}>
                      {fileNames?.[p.fileId] ?? "→"}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              )}
              <th scope="row">{p.recipient}</th>
              <td>
                {cat.nameOf(p.outOfPurpose ? "outOfPurposeGrounds" : "provisionGrounds", p.legalGroundCode)}
                {p.legalGroundText && <div className="small muted">{p.legalGroundText}</div>}
              </td>
              <td>{p.items.join(", ")}</td>
              <td>
                {p.purpose}
                {p.retentionAtRecipient && <div className="small muted">{p.retentionAtRecipient}</div>}
              </td>
              <td>
                {t(`registry.enum.provisionKind.${p.kind}`)}
                {p.outOfPurpose && (
                  <span className="badge badge-warn"> {t("registry.provisions.outOfPurpose")}</span>
                )}
              </td>
              <td>
                <span className={p.status === "pending" ? "badge badge-warn" : "badge"}>
                  {t(`registry.enum.provisionStatus.${p.status}`)}
                </span>
                {p.decisionNote && <div className="small muted">{p.decisionNote}</div>}
                {p.status === "pending" && can("registry.approve") && (
                  <div className="row-actions">
                    <button
                      type="button"
                      className="btn btn-small btn-primary"
                      disabled={act.busy}
                      onClick={() => void decide(p, "approve")}
                    >
                      {t("registry.provisions.approve")}
                      <span className="sr-only"> {p.recipient}</span>
                    </button>
                    <button
                      type="button"
                      className="btn btn-small btn-danger"
                      disabled={act.busy}
                      onClick={() => void decide(p, "reject")}
                    >
                      {t("registry.provisions.reject")}
                      <span className="sr-only"> {p.recipient}</span>
                    </button>
                  </div>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
