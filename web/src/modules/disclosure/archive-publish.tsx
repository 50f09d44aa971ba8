import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { Field, Form, type FormValues, SelectField, TextAreaField } from "../../components/form";
import { formatDateTime } from "../../components/format";
import { upload } from "../../components/upload";
import { useLoad } from "../../components/use-load";
import { useReadySession } from "../../session";
import { sizeText, typeLabel } from "../pii/format";
import "../pii/i18n";
import "../cases/i18n";
import type { GuardFinding, ReleasedFile } from "./archive-types";

interface Unit {
  id: string;
  nameLocal: string;
}

/** The masked findings of a refused publication (archive.pii_found), so staff see what to redact. */
export function GuardFindings({ findings }: { findings: GuardFinding[] }) {
  const { t } = useTranslation();
  if (!findings.length) return null;
  return (
    <section className="card" aria-labelledby="archive-findings-h" data-testid="archive-findings">
      <h3 id="archive-findings-h">{t("disclosure.archive.findings")}</h3>
      <ul>
        {findings.map((f, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: findings have no id; the list is replaced whole.
          <li key={i}>
            {typeLabel(t, f.type)} · <span className="mono">{f.preview}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Keeps the masked findings of a guard refusal and rethrows, so the Form still shows the message. */
function withFindings(set: (f: GuardFinding[]) => void, run: () => Promise<void>) {
  return async () => {
    set([]);
    try {
      await run();
    } catch (e) {
      const d = (e as { details?: { findings?: GuardFinding[] } }).details;
      if (d?.findings) set(d.findings);
      throw e;
    }
  };
}

function MetaFields({ units }: { units: Unit[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Field name="title" label={t("disclosure.archive.title_")} required maxLength={300} />
      <TextAreaField name="summary" label={t("disclosure.archive.summary")} maxLength={4000} rows={3} />
      <Field name="documentDate" type="date" label={t("disclosure.archive.documentDate")} required />
      <SelectField
        name="unitId"
        label={t("disclosure.archive.unit")}
        emptyLabel={t("disclosure.archive.noUnit")}
        options={units.map((u) => ({ value: u.id, label: u.nameLocal }))}
      />
    </>
  );
}

const meta = (v: FormValues) => ({
  title: v.title,
  summary: v.summary ?? "",
  documentDate: v.documentDate,
  unitId: v.unitId || null,
});

function useUnits(): Unit[] {
  const units = useLoad((signal) => api.get<Unit[]>("/api/org/units", { signal }), []);
  return units.data ?? [];
}

/** Publish the released file of a case: find the case by receipt number, pick one of its released files. */
export function PublishReleased({ onDone }: { onDone(): void }) {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const units = useUnits();
  const id = useId();
  const [number, setNumber] = useState("");
  const [hits, setHits] = useState<ReleasedFile[] | null>(null);
  const [findings, setFindings] = useState<GuardFinding[]>([]);
  useEffect(() => {
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      api
        .get<ReleasedFile[]>("/api/archive/released", {
          signal: ctl.signal,
          query: { number: number.trim() },
        })
        .then(setHits)
        .catch(() => {
          if (!ctl.signal.aborted) setHits([]);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [number]);
  const when = (iso: string | null) => formatDateTime(iso, i18n.language, session.agency.timeZone);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("disclosure.archive.fromCase")}</h2>
      <p className="muted">{t("disclosure.archive.fromCaseIntro")}</p>
      <Form
        label={t("disclosure.archive.fromCase")}
        submitLabel={t("disclosure.archive.publish")}
        resetOnSuccess
        onSubmit={(v) =>
          withFindings(setFindings, async () => {
            await api.post("/api/archive", { attachmentId: v.attachmentId, ...meta(v) });
            onDone();
          })()
        }
      >
        <div className="field">
          <label htmlFor={`${id}-q`}>{t("disclosure.archive.caseNumber")}</label>
          <input
            id={`${id}-q`}
            type="search"
            value={number}
            maxLength={40}
            autoComplete="off"
            onChange={(e) => setNumber(e.target.value)}
          />
        </div>
        <SelectField
          name="attachmentId"
          label={t("disclosure.archive.releasedFile")}
          hint={hits?.length === 0 ? t("disclosure.archive.noReleased") : undefined}
          required
          emptyLabel={t("disclosure.archive.choose")}
          options={(hits ?? []).map((f) => ({
            value: f.attachmentId,
            label: [
              f.caseNumber,
              t(`cases.kind.${f.caseKind}`),
              f.filename,
              t("disclosure.archive.releasedAt", { when: when(f.releasedAt) }),
              f.inArchive ? t("disclosure.archive.alreadyPublished") : "",
            ]
              .filter(Boolean)
              .join(" · "),
          }))}
        />
        <MetaFields units={units} />
      </Form>
      <GuardFindings findings={findings} />
    </section>
  );
}

/** Publish an uploaded PDF (up to the server's limit). */
export function PublishUpload({ limitBytes, onDone }: { limitBytes: number; onDone(): void }) {
  const { t, i18n } = useTranslation();
  const session = useReadySession();
  const units = useUnits();
  const id = useId();
  const [findings, setFindings] = useState<GuardFinding[]>([]);
  return (
    <section aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t("disclosure.archive.upload")}</h2>
      <Form
        label={t("disclosure.archive.upload")}
        submitLabel={t("disclosure.archive.publish")}
        resetOnSuccess
        onSubmit={(v, form) =>
          withFindings(setFindings, async () => {
            const input = form.elements.namedItem("file") as HTMLInputElement | null;
            const file = input?.files?.[0];
            const m = meta(v);
            await upload(
              "/api/archive/upload",
              {
                title: m.title,
                summary: m.summary,
                documentDate: m.documentDate,
                ...(m.unitId ? { unitId: m.unitId } : {}),
                ...(file ? { file } : {}),
              },
              { csrfToken: session.csrfToken, locale: i18n.language },
            );
            onDone();
          })()
        }
      >
        <Field
          name="file"
          type="file"
          accept=".pdf,application/pdf"
          label={t("disclosure.archive.file", { limit: sizeText(limitBytes) })}
          required
        />
        <MetaFields units={units} />
      </Form>
      <GuardFindings findings={findings} />
    </section>
  );
}
