import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../../api";
import { Field, Form } from "../../../components/form";
import { usePortal } from "../portal-context";
import { PortalPageFrame } from "../portal-page-frame";
import "./i18n";

/** Exactly what the server answers without an access code (seed 003 민원처리 인터넷 공개). */
interface PublicProgress {
  stage: string;
  unit: string | null;
}

/**
 * /portal/:agency/progress: a petition's stage and responsible unit by receipt number alone (I3).
 * An unknown number gets the server's neutral message, shown as is.
 */
export default function ProgressSearchPage() {
  const { t } = useTranslation();
  const { agency, base } = usePortal();
  const [r, setR] = useState<(PublicProgress & { number: string }) | null>(null);
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (r) ref.current?.focus();
  }, [r]);
  const title = t("portalProgress.title");
  return (
    <PortalPageFrame
      title={title}
      actions={
        <Link className="btn" to={`${base}/requests/status`}>
          {t("portalProgress.statusLink")}
        </Link>
      }
    >
      <p>{t("portalProgress.intro")}</p>
      <Form
        label={title}
        submitLabel={t("portalProgress.submit")}
        onSubmit={async (v) => {
          setR(null);
          const p = await api.post<PublicProgress>("/api/portal/progress", {
            agencyCode: agency.code,
            receiptNumber: v.receiptNumber,
          });
          setR({ ...p, number: String(v.receiptNumber).trim().toUpperCase() });
        }}
      >
        <Field
          name="receiptNumber"
          label={t("portalProgress.number")}
          required
          maxLength={40}
          autoComplete="off"
        />
      </Form>
      {r && (
        <section aria-labelledby="public-progress-h" className="card" data-testid="public-progress">
          <h2 id="public-progress-h" ref={ref} tabIndex={-1}>
            {t("portalProgress.result")} · <span className="mono">{r.number}</span>
          </h2>
          <dl className="facts">
            <dt>{t("portalProgress.stage")}</dt>
            <dd data-testid="public-stage">{t(`portalProgress.stages.${r.stage}`)}</dd>
            <dt>{t("portalProgress.unit")}</dt>
            <dd>{r.unit ?? t("portalProgress.noUnit")}</dd>
          </dl>
        </section>
      )}
    </PortalPageFrame>
  );
}
