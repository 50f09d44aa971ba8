import { PII_TYPES } from "@civicpims/core/pii/labels";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api";
import { CheckboxInput, TextArea } from "../../components/controlled-form";

/** The publication guard's refusal of a public file: masked findings only, never the values. */
export interface PublicationBlock {
  findings: Array<{ type: string; preview: string }>;
  scanStatus: string;
  canOverride: boolean;
}

const typeLabel = (type: string, lang: string) => {
  const info = PII_TYPES.find((p) => p.type === type);
  if (!info) return type;
  return lang === "en" ? info.labels.en : lang.startsWith("zh") ? info.labels["zh-TW"] : info.labels.ko;
};

export function publicationBlock(e: unknown): PublicationBlock {
  const d = (e instanceof ApiError ? e.details : null) as Partial<PublicationBlock> | null;
  return {
    findings: Array.isArray(d?.findings) ? d.findings : [],
    scanStatus: typeof d?.scanStatus === "string" ? d.scanStatus : "ok",
    canOverride: d?.canOverride === true,
  };
}

/**
 * Shown in the publication section after the server refused to publish: what was found (masked) and,
 * for the privacy officer only, an explicit override with a reason (kept in the ledger).
 */
export function PublicationFindings(props: {
  block: PublicationBlock;
  override: boolean;
  onOverride(v: boolean): void;
  reason: string;
  onReason(v: string): void;
}) {
  const { t, i18n } = useTranslation();
  const { block } = props;
  return (
    <div className="notice notice-warn" role="status" data-testid="publication-findings">
      <p>{t("registry.publication.blocked")}</p>
      <ul>
        {block.findings.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id and the list is never reordered
          <li key={i}>
            <span className="badge">{typeLabel(f.type, i18n.language)}</span> <code>{f.preview}</code>
          </li>
        ))}
        {block.scanStatus !== "ok" && <li>{t("registry.publication.incomplete")}</li>}
      </ul>
      <p className="hint">{t("registry.publication.fixHint")}</p>
      {block.canOverride ? (
        <>
          <CheckboxInput
            name="publicationOverride"
            label={t("registry.publication.override")}
            hint={t("registry.publication.overrideHint")}
            checked={props.override}
            onChange={props.onOverride}
          />
          {props.override && (
            <TextArea
              name="overrideReason"
              label={t("registry.publication.overrideReason")}
              required
              maxLength={1000}
              value={props.reason}
              onChange={props.onReason}
            />
          )}
        </>
      ) : (
        <p className="hint">{t("registry.publication.askOfficer")}</p>
      )}
    </div>
  );
}
