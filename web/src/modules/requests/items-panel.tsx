import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import { ErrorBox, Loading } from "../../components/page";
import { useSession } from "../../session";
import "./i18n";
import type { Catalogue, RequestDetail, SubjectFiles } from "./types";
import { undecided } from "./types";
import { articleText } from "./use-catalogue";

interface Draft {
  key: string;
  fileId?: string;
  fileLabel: string;
  action: string;
  details?: string;
}

/**
 * The files a request is about, chosen from the register through the subject search (name and
 * birth date of the data subject), each with the action asked. Decided items are kept; saving
 * replaces the undecided ones.
 */
export function ItemsPanel({
  r,
  cat,
  onDone,
}: {
  r: RequestDetail;
  cat: Catalogue;
  onDone: (m?: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useSession();
  const errorText = useErrorText();
  const kind = cat.kinds.find((k) => k.code === r.requestKind);
  const actions = kind?.actions ?? [];
  const open = r.items.filter((i) => undecided(i));
  const [draft, setDraft] = useState<Draft[]>(() =>
    open.map((i) => ({
      key: i.id,
      fileId: i.fileId ?? undefined,
      fileLabel: i.fileLabel ?? "",
      action: i.action,
      details: i.details ?? undefined,
    })),
  );
  const [found, setFound] = useState<SubjectFiles | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const editable =
    can("requests.process") &&
    ["received", "identity_check", "in_review", "waiting_requester", "extended"].includes(r.case.state);
  const search = async () => {
    setBusy(true);
    setError(null);
    try {
      setFound(await api.get<SubjectFiles>(`/api/requests/${r.case.id}/subject-files`));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  const add = (d: Omit<Draft, "key">) => setDraft((x) => [...x, { ...d, key: `${Date.now()}-${x.length}` }]);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.put(`/api/requests/${r.case.id}/items`, {
        items: draft.map(({ fileId, fileLabel, action, details }) => ({
          fileId,
          fileLabel: fileLabel || undefined,
          action,
          details: details || undefined,
        })),
      });
      onDone(t("requests.items.saved"));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="req-items" className="card">
      <h2 id="req-items">{t("requests.items.title")}</h2>
      <ErrorBox text={error} />
      {r.items.filter((i) => !undecided(i)).length > 0 && (
        <ul>
          {r.items
            .filter((i) => !undecided(i))
            .map((i) => (
              <li key={i.id}>
                {i.fileLabel} · {t(`requests.action.${i.action}`)} ·{" "}
                <strong>{t(`requests.decision.value.${i.decision}`)}</strong>
                {i.groundArticle ? ` (${articleText(cat.jurisdiction, i.groundArticle, i18n.language)})` : ""}
              </li>
            ))}
        </ul>
      )}
      {editable && (
        <>
          <div className="toolbar">
            <button type="button" className="btn" onClick={search} disabled={busy} aria-busy={busy}>
              {t("requests.items.searchRegister")}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => add({ fileLabel: "", action: actions[0] ?? "access" })}
            >
              {t("requests.items.addFree")}
            </button>
          </div>
          {busy && !found && <Loading />}
          {found && (
            <div aria-live="polite">
              <p className="muted">{t("requests.items.found", { count: found.files.length })}</p>
              <ul className="link-list" data-testid="subject-files">
                {found.files.map((f) => (
                  <li key={f.id}>
                    <strong>{f.name}</strong> <span className="muted">{f.unitName}</span>{" "}
                    {f.matchedItems.length > 0 && (
                      <span className="small muted">({f.matchedItems.join(", ")})</span>
                    )}{" "}
                    <button
                      type="button"
                      className="btn btn-small"
                      disabled={draft.some((d) => d.fileId === f.id)}
                      onClick={() => add({ fileId: f.id, fileLabel: f.name, action: actions[0] ?? "access" })}
                    >
                      {t("requests.items.add")}
                      <span className="sr-only"> {f.name}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
          {draft.length > 0 && (
            <table className="table" data-testid="items-draft">
              <thead>
                <tr>
                  <th scope="col">{t("requests.items.file")}</th>
                  <th scope="col">{t("requests.items.action")}</th>
                  <th scope="col">{t("requests.items.details")}</th>
                  <th scope="col">
                    <span className="sr-only">{t("common.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {draft.map((d, n) => (
                  <tr key={d.key}>
                    <td>
                      <input
                        aria-label={`${t("requests.items.file")} ${n + 1}`}
                        value={d.fileLabel}
                        readOnly={!!d.fileId}
                        maxLength={300}
                        onChange={(e) =>
                          setDraft((x) =>
                            x.map((y) => (y.key === d.key ? { ...y, fileLabel: e.target.value } : y)),
                          )
                        }
                      />
                    </td>
                    <td>
                      <select
                        aria-label={`${t("requests.items.action")} ${n + 1}`}
                        value={d.action}
                        onChange={(e) =>
                          setDraft((x) =>
                            x.map((y) => (y.key === d.key ? { ...y, action: e.target.value } : y)),
                          )
                        }
                      >
                        {actions.map((a) => (
                          <option key={a} value={a}>
                            {t(`requests.action.${a}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        aria-label={`${t("requests.items.details")} ${n + 1}`}
                        value={d.details ?? ""}
                        maxLength={2000}
                        onChange={(e) =>
                          setDraft((x) =>
                            x.map((y) => (y.key === d.key ? { ...y, details: e.target.value } : y)),
                          )
                        }
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="btn btn-small"
                        onClick={() => setDraft((x) => x.filter((y) => y.key !== d.key))}
                      >
                        {t("requests.items.remove")}
                        <span className="sr-only"> {n + 1}</span>
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy || draft.length === 0}
            onClick={save}
          >
            {t("requests.items.save")}
          </button>
        </>
      )}
    </section>
  );
}
