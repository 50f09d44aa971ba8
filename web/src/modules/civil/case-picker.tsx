// The compensation form's case picker: staff type part of a receipt number, the agency's matching cases
// are listed (number, kind, state, received), and the chosen one is posted as `caseId` through a hidden
// input, so the Form collects it like any other field. Nobody has to know a case's internal id.
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { formatDateTime } from "../../components/format";
import { useSession } from "../../session";
import "../cases/i18n";

export interface PickedCase {
  id: string;
  number: string;
  kind: string;
  state: string;
  receivedAt: string;
}

export function CasePicker({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const { t, i18n } = useTranslation();
  const { session } = useSession();
  const id = useId();
  const [text, setText] = useState("");
  const [hits, setHits] = useState<PickedCase[] | null>(null);
  const [error, setError] = useState(false);
  const [chosen, setChosen] = useState<PickedCase | null>(null);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setHits(null);
      return;
    }
    const ctl = new AbortController();
    // Wait for a pause in typing: one request per search, not per key.
    const timer = setTimeout(() => {
      api
        .get<PickedCase[]>("/api/civil/compensation/case-picker", {
          signal: ctl.signal,
          query: { q },
        })
        .then((r) => {
          setHits(r);
          setError(false);
        })
        .catch(() => {
          if (!ctl.signal.aborted) setError(true);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [text]);

  const when = (iso: string) => formatDateTime(iso, i18n.language, session?.agency.timeZone ?? "UTC");
  const describe = (c: PickedCase) =>
    `${c.number} · ${t(`cases.kind.${c.kind}`)} · ${t(`cases.state.${c.state}`)} · ${when(c.receivedAt)}`;

  return (
    <fieldset className="field case-picker">
      <legend>{label}</legend>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <input type="hidden" name={name} value={chosen?.id ?? ""} />
      {chosen ? (
        <p>
          <span aria-live="polite">{t("civil.comp.picker.chosen", { case: describe(chosen) })}</span>{" "}
          <button type="button" className="btn btn-small" onClick={() => setChosen(null)}>
            {t("civil.comp.picker.clear")}
          </button>
        </p>
      ) : (
        <>
          <label htmlFor={`${id}-q`}>{t("civil.comp.picker.search")}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={text}
            maxLength={40}
            autoComplete="off"
            aria-describedby={hint ? `${id}-hint` : undefined}
            aria-controls={`${id}-hits`}
            onChange={(e) => setText(e.target.value)}
          />
          <div id={`${id}-hits`} aria-live="polite">
            {error && <p className="field-error">{t("civil.comp.picker.failed")}</p>}
            {hits?.length === 0 && <p>{t("civil.comp.picker.none")}</p>}
            {!!hits?.length && (
              <ul>
                {hits.map((c) => (
                  <li key={c.id}>
                    <button
                      type="button"
                      className="btn btn-link"
                      onClick={() => {
                        setChosen(c);
                        setText("");
                        setHits(null);
                      }}
                    >
                      {describe(c)}
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
        </>
      )}
    </fieldset>
  );
}
