import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { formatDateTime } from "../../components/format";
import { ErrorBox, Loading } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useReadySession } from "../../session";
import type { HistoryChange, HistoryEntry } from "./types";

export type HistoryEntity =
  | "file"
  | "system"
  | "flow"
  | "provision"
  | "entrustment"
  | "device"
  | "risk"
  | "campaign"
  | "vendor_staff"
  | "supervision";

/** Field-level history of any register record: who, when, why, and before/after per field. */
export function HistoryView({
  entity,
  id,
  reloadKey,
}: {
  entity: HistoryEntity;
  id: string;
  reloadKey?: unknown;
}) {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const load = useLoad(
    (signal) => api.get<HistoryEntry[]>(`/api/registry/history/${entity}/${id}`, { signal }),
    [entity, id, reloadKey],
  );
  const fieldLabel = (path: string) => {
    const parts = path.replace(/^\//, "").split(/[./]/);
    const key = `registry.field.${parts[0]}.label`;
    const head = i18n.exists(key) ? t(key) : parts[0];
    const rest = parts.slice(1).map((p) => {
      if (/^\d+$/.test(p)) return String(Number(p) + 1);
      const map: Record<string, string> = {
        name: "itemName",
        kind: "itemKind",
        sensitive: "itemSensitive",
        uniqueIdentifier: "itemUnique",
        classCode: "itemClass",
      };
      const k = `registry.field.${map[p] ?? p}.label`;
      return i18n.exists(k) ? t(k) : p;
    });
    return [head, ...rest].join(" › ");
  };
  const show = (v: unknown): string => {
    if (v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0))
      return t("registry.history.empty_value");
    if (typeof v === "boolean") return v ? t("registry.common.yes") : t("registry.common.no");
    if (Array.isArray(v))
      return v.map((x) => (typeof x === "object" ? JSON.stringify(x) : String(x))).join("\n");
    if (typeof v === "object") return JSON.stringify(v, null, 1);
    return String(v);
  };
  if (load.error) return <ErrorBox text={load.error} />;
  if (!load.data) return <Loading />;
  if (load.data.length === 0) return <p>{t("registry.history.empty")}</p>;
  const entries = [...load.data].reverse();
  return (
    <div className="history" data-testid="history">
      {entries.map((e) => (
        <section className="history-entry" key={`${e.version}-${e.at}`} aria-labelledby={`h-${e.version}`}>
          <h3 id={`h-${e.version}`}>
            {t("registry.history.entry", {
              version: e.version,
              action: t(`registry.enum.historyAction.${e.action}`),
            })}
          </h3>
          <p className="muted">
            {t("registry.history.by", {
              who: e.actorLabel ?? e.actorId ?? "—",
              when: formatDateTime(e.at, i18n.language, session.agency.timeZone),
            })}
            {" · "}
            {e.reason ? t("registry.history.reason", { reason: e.reason }) : t("registry.history.noReason")}
          </p>
          {e.changes.length > 0 &&
            (e.action === "create" ? (
              <details>
                <summary>{t("registry.history.changes", { count: e.changes.length })}</summary>
                <DiffTable changes={e.changes} fieldLabel={fieldLabel} show={show} />
              </details>
            ) : (
              <DiffTable changes={e.changes} fieldLabel={fieldLabel} show={show} />
            ))}
        </section>
      ))}
    </div>
  );
}

function DiffTable({
  changes,
  fieldLabel,
  show,
}: {
  changes: HistoryChange[];
  fieldLabel(p: string): string;
  show(v: unknown): string;
}) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="table diff-table">
        <thead>
          <tr>
            <th scope="col">{t("registry.history.field")}</th>
            <th scope="col">{t("registry.history.before")}</th>
            <th scope="col">{t("registry.history.after")}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.path} data-path={c.path}>
              <th scope="row">
                {fieldLabel(c.path)} <span className="badge">{t(`registry.enum.changeKind.${c.kind}`)}</span>
              </th>
              <td className="diff-before">
                <del>{c.kind === "added" ? t("registry.history.empty_value") : show(c.before)}</del>
              </td>
              <td className="diff-after">
                <ins>{c.kind === "removed" ? t("registry.history.empty_value") : show(c.after)}</ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
