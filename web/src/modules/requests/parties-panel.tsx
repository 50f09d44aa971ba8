import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Form, SelectField, useErrorText } from "../../components/form";
import { useSession } from "../../session";
import type { CaseDetail } from "../cases/types";
import { useUnits } from "../org/use-units";
import "./i18n";
import type { Person, RequestDetail } from "./types";
import { useStaff } from "./use-catalogue";

function PersonFacts({ p }: { p: Person }) {
  const { t } = useTranslation();
  const row = (k: keyof Person, label: string) =>
    p[k] ? (
      <>
        <dt>{label}</dt>
        <dd>{p[k]}</dd>
      </>
    ) : null;
  return (
    <dl className="facts">
      {row("name", t("requests.field.name"))}
      {row("birthDate", t("requests.field.birthDate"))}
      {row("email", t("requests.field.email"))}
      {row("phone", t("requests.field.phone"))}
      {row("address", t("requests.field.address"))}
    </dl>
  );
}

/**
 * Who asked, for whom, and what. Identifiers appear only masked (identity records); the full
 * resident or ID number is never stored, so it cannot be shown.
 */
export function PartiesPanel({ r, kindName }: { r: RequestDetail; kindName: string }) {
  const { t } = useTranslation();
  const masked = r.identityChecks.filter((k) => k.identifierMasked);
  return (
    <div className="grid-2">
      <section className="card" aria-labelledby="req-requester">
        <h2 id="req-requester">
          {t("requests.detail.requester")} · {t(`requests.requesterType.${r.requesterType}`)}
        </h2>
        <PersonFacts p={r.requester} />
        {r.emailVerifiedAt && <p className="badge badge-ok">{t("requests.detail.emailVerified")}</p>}
        {r.representationBasis && (
          <p>
            {t("requests.field.basis")}: {t(`requests.basis.${r.representationBasis}`)}
            {r.relationship ? ` · ${r.relationship}` : ""}
          </p>
        )}
      </section>
      {r.subject && (
        <section className="card" aria-labelledby="req-subject">
          <h2 id="req-subject">{t("requests.detail.subject")}</h2>
          <PersonFacts p={r.subject} />
        </section>
      )}
      <section className="card" aria-labelledby="req-content">
        <h2 id="req-content">{kindName}</h2>
        <p className="pre-wrap">{r.content}</p>
        {r.targetDescription && (
          <p>
            <strong>{t("requests.field.targetDescription")}:</strong> {r.targetDescription}
          </p>
        )}
        {masked.length > 0 && (
          <p>
            {t("requests.identity.identifierMasked")}:{" "}
            {masked.map((k) => (
              <span key={k.id} className="mono">
                {k.identifierMasked}{" "}
              </span>
            ))}
          </p>
        )}
        {r.case.channel === "online" && <ReissueAccessCode r={r} />}
        {r.decisionSummary && (
          <p>
            <strong>{t("requests.decision.summary")}:</strong> {r.decisionSummary}
          </p>
        )}
      </section>
    </div>
  );
}

/** Unit and assignee of the case (privacy officers and managers). */
export function AssignmentForm({ c, onDone }: { c: CaseDetail; onDone: (m?: string) => void }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const { unitOptions } = useUnits();
  const staff = useStaff(can("org.staff.read"));
  return (
    <section className="card" aria-labelledby="req-assign">
      <h2 id="req-assign">{t("requests.detail.assignment")}</h2>
      <Form
        className="inline-form"
        label={t("requests.detail.assignment")}
        submitLabel={t("common.save")}
        onSubmit={async (v) => {
          await api.patch(`/api/cases/${c.id}/assignment`, {
            unitId: v.unitId || null,
            assigneeId: v.assigneeId || null,
          });
          onDone(t("common.saved"));
        }}
      >
        <SelectField
          name="unitId"
          label={t("requests.list.unit")}
          defaultValue={c.unitId ?? ""}
          emptyLabel={t("common.none")}
          options={unitOptions(c.unitId)}
        />
        <SelectField
          key={staff.length}
          name="assigneeId"
          label={t("requests.list.assignee")}
          defaultValue={c.assigneeId ?? ""}
          emptyLabel={t("common.none")}
          options={staff.map((s) => ({ value: s.id, label: s.displayName }))}
        />
      </Form>
    </section>
  );
}

/**
 * A requester who lost the portal access code gets a new one (the old one stops working). Shown once,
 * to read out or hand over after the requester's identity was checked; the server keeps only a hash.
 */
function ReissueAccessCode({ r }: { r: RequestDetail }) {
  const { t } = useTranslation();
  const { can } = useSession();
  const errorText = useErrorText();
  const [code, setCode] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!can("requests.process")) return null;
  return (
    <div className="subsection">
      <button
        type="button"
        className="btn btn-small"
        onClick={async () => {
          if (!window.confirm(t("requests.accessCode.confirm"))) return;
          setError(null);
          try {
            const res = await api.post<{ accessCode: string }>(`/api/requests/${r.case.id}/access-code`, {});
            setCode(res.accessCode);
          } catch (e) {
            setError(errorText(e));
          }
        }}
      >
        {t("requests.accessCode.reissue")}
      </button>
      <p role="status" aria-live="polite">
        {code && (
          <>
            {t("requests.accessCode.new")}: <strong className="mono">{code}</strong>
          </>
        )}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
