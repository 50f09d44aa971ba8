import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { kindLabel } from "./format";
import "./i18n";
import type { DriftFinding } from "./types";

/** Register dashboard card: files whose sample exports hold data the register does not declare. */
export function DriftPanel({ items, mayCheck }: { items: DriftFinding[] | undefined; mayCheck: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="dash-drift">
      <h2 id="dash-drift">{t("pii.drift.panelTitle")}</h2>
      {!items?.length ? (
        <p className="muted">{t("pii.drift.panelNone")}</p>
      ) : (
        <ul className="link-list">
          {items.map((d) => (
            <li key={d.id}>
              <Link to={`/registry/files/${d.fileId}`}>{d.fileName}</Link>{" "}
              {d.undeclaredUnique.length > 0 && (
                <span className="badge badge-failed">{t("pii.drift.unique")}</span>
              )}
              <div className="small">
                {[...d.undeclaredUnique, ...d.undeclaredSensitive, ...d.undeclaredOther]
                  .map((k) => kindLabel(t, k))
                  .join(", ")}
              </div>
            </li>
          ))}
        </ul>
      )}
      {mayCheck && (
        <p className="small">
          <Link to="/pii/drift">{t("pii.drift.checkLink")}</Link>
        </p>
      )}
    </section>
  );
}
