import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { useErrorText } from "../../components/form";
import { ErrorBox, StatusMessage } from "../../components/page";
import { useLoad } from "../../components/use-load";
import { useSession } from "../../session";

const LOCALES = ["ko", "zh-TW", "en"] as const;
type Names = Partial<Record<(typeof LOCALES)[number], string>>;
/** A local entry as stored; fields this editor does not show (article, group...) are kept as they are. */
type Entry = { code: string; names: Names } & Record<string, unknown>;

interface LocalList {
  catalogueId: string;
  title: string;
  requiredLocales: string[];
  baseCodes: number;
  /** Entries the official list is known to have, when more than the pack's (`verify`: count unconfirmed). */
  officialCount: { count: number; verify?: boolean } | null;
  unconfirmedCodes: number;
  entries: Entry[];
  version: number;
}

/** The agency's own entries of the rule-pack code lists (item 2): see what was added and edit it. */
export function LocalCodesSection() {
  const { t } = useTranslation();
  const { can } = useSession();
  const load = useLoad(
    (signal) => api.get<{ items: LocalList[] }>("/api/registry/local-codes", { signal }),
    [],
  );
  return (
    <section className="card" aria-labelledby="local-codes" data-testid="local-codes">
      <h2 id="local-codes">{t("registry.localCodes.title")}</h2>
      <p className="muted">{t("registry.localCodes.hint")}</p>
      <ErrorBox text={load.error} />
      {load.data?.items.map((l) => (
        <LocalList
          key={`${l.catalogueId}-${l.version}`}
          list={l}
          editable={can("registry.campaign.manage")}
          onSaved={load.reload}
        />
      ))}
    </section>
  );
}

function LocalList({ list, editable, onSaved }: { list: LocalList; editable: boolean; onSaved(): void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [rows, setRows] = useState<Entry[]>(list.entries);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const setRow = (i: number, patch: Partial<Entry>) =>
    setRows((cur) => cur.map((r, j) => (j === i ? ({ ...r, ...patch } as Entry) : r)));
  const save = async () => {
    setError(null);
    try {
      await api.put(`/api/registry/local-codes/${encodeURIComponent(list.catalogueId)}`, {
        entries: rows.map((r) => ({
          ...r,
          names: Object.fromEntries(Object.entries(r.names).filter(([, v]) => v?.trim())),
        })),
        version: list.version,
        reason: reason.trim() || undefined,
      });
      setSaved(t("registry.localCodes.saved"));
      onSaved();
    } catch (e) {
      setError(errorText(e));
    }
  };
  const required = (loc: string) => loc === "en" || list.requiredLocales.includes(loc);
  return (
    <div className="local-codes-list">
      <h3>
        {list.title}{" "}
        <span className="muted small">
          {t("registry.localCodes.counts", { base: list.baseCodes, local: list.entries.length })}
          {list.unconfirmedCodes > 0 &&
            ` · ${t("registry.localCodes.unconfirmed", { count: list.unconfirmedCodes })}`}
        </span>
      </h3>
      {list.officialCount && list.officialCount.count > list.baseCodes && (
        <p className="hint">
          {t(
            list.officialCount.verify
              ? "registry.localCodes.officialCountVerify"
              : "registry.localCodes.officialCount",
            {
              count: list.officialCount.count,
              missing: list.officialCount.count - list.baseCodes,
            },
          )}
        </p>
      )}
      <StatusMessage text={saved} />
      {!editing && list.entries.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("registry.localCodes.code")}</th>
              {LOCALES.map((l) => (
                <th scope="col" key={l}>
                  {t(`registry.localCodes.name.${l}`)}
                </th>
              ))}
              <th scope="col">{t("registry.localCodes.official")}</th>
            </tr>
          </thead>
          <tbody>
            {list.entries.map((e) => (
              <tr key={e.code}>
                <td className="mono">{e.code}</td>
                {LOCALES.map((l) => (
                  <td key={l}>{e.names[l] ?? ""}</td>
                ))}
                <td>{e.official ? t("registry.localCodes.officialYes") : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!editing && editable && (
        <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
          {t("registry.localCodes.edit")}
        </button>
      )}
      {editing && (
        <form
          className="form"
          onSubmit={(ev) => {
            ev.preventDefault();
            void save();
          }}
        >
          <ErrorBox text={error} />
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("registry.localCodes.code")}</th>
                {LOCALES.map((l) => (
                  <th scope="col" key={l}>
                    {t(`registry.localCodes.name.${l}`)}
                    {required(l) ? " *" : ""}
                  </th>
                ))}
                <th scope="col">{t("registry.localCodes.official")}</th>
                <th scope="col">
                  <span className="sr-only">{t("registry.localCodes.remove")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; codes may be blank or repeated while typing
                <tr key={i}>
                  <td>
                    <input
                      aria-label={t("registry.localCodes.code")}
                      value={r.code}
                      maxLength={64}
                      required
                      onChange={(e) => setRow(i, { code: e.target.value })}
                    />
                  </td>
                  {LOCALES.map((l) => (
                    <td key={l}>
                      <input
                        aria-label={t(`registry.localCodes.name.${l}`)}
                        value={r.names[l] ?? ""}
                        required={required(l)}
                        onChange={(e) => setRow(i, { names: { ...r.names, [l]: e.target.value } })}
                      />
                    </td>
                  ))}
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t("registry.localCodes.official")}
                      checked={r.official === true}
                      onChange={(e) => setRow(i, { official: e.target.checked ? true : undefined })}
                    />
                  </td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => setRows((cur) => cur.filter((_, j) => j !== i))}
                    >
                      {t("registry.localCodes.remove")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="row-actions">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => setRows((cur) => [...cur, { code: "", names: {} }])}
            >
              {t("registry.localCodes.add")}
            </button>
          </p>
          <label>
            {t("registry.common.reason")}
            <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          </label>
          <p className="row-actions">
            <button type="submit" className="btn btn-primary">
              {t("registry.common.save")}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => {
                setRows(list.entries);
                setEditing(false);
              }}
            >
              {t("registry.localCodes.cancel")}
            </button>
          </p>
        </form>
      )}
    </div>
  );
}
