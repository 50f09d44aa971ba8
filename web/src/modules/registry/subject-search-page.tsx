import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { api } from "../../api";
import { ControlledForm, type Errors, SelectInput, TextInput } from "../../components/controlled-form";
import { Page } from "../../components/page";
import { useReadySession } from "../../session";
import type { SubjectSearchResult } from "./types";

const TYPES = [
  "rrn",
  "tw_id",
  "phone",
  "email",
  "passport",
  "arc",
  "driver_licence",
  "alien_registration",
] as const;
const KR_FIRST: readonly string[] = [
  "rrn",
  "alien_registration",
  "phone",
  "email",
  "passport",
  "driver_licence",
  "tw_id",
  "arc",
];
const TW_FIRST: readonly string[] = [
  "tw_id",
  "arc",
  "phone",
  "email",
  "passport",
  "driver_licence",
  "rrn",
  "alien_registration",
];

/** /registry/subject-search: which files may hold this person (declared items); every search is ledgered. */
export function SubjectSearchPage() {
  const { t } = useTranslation();
  const session = useReadySession();
  const order = session.agency.jurisdiction === "TW" ? TW_FIRST : KR_FIRST;
  const [by, setBy] = useState<"identifier" | "name">("identifier");
  const [d, setD] = useState({
    identifierType: order[0],
    identifier: "",
    name: "",
    birthdate: "",
    subjectCategory: "",
  });
  const [result, setResult] = useState<SubjectSearchResult | null>(null);
  return (
    <Page title={t("registry.subject.title")}>
      <p>{t("registry.subject.intro")}</p>
      <p className="notice" id="subject-logged">
        {t("registry.subject.logged")}
      </p>
      <fieldset className="fieldset">
        <legend>{t("registry.subject.search")}</legend>
        <div className="check-row">
          {(["identifier", "name"] as const).map((x) => (
            <label key={x} className="inline-check">
              <input type="radio" name="by" checked={by === x} onChange={() => setBy(x)} />
              {t(x === "identifier" ? "registry.subject.byIdentifier" : "registry.subject.byName")}
            </label>
          ))}
        </div>
      </fieldset>
      <ControlledForm
        label={t("registry.subject.title")}
        submitLabel={t("registry.subject.search")}
        validate={() => {
          const e: Errors = {};
          if (by === "identifier" && !d.identifier.trim()) e.identifier = t("registry.subject.needOne");
          if (by === "name") {
            if (!d.name.trim()) e.name = t("registry.subject.needOne");
            if (!d.birthdate) e.birthdate = t("registry.subject.needOne");
          }
          return e;
        }}
        onSubmit={async () => {
          const body =
            by === "identifier"
              ? { identifier: d.identifier.trim(), identifierType: d.identifierType }
              : { name: d.name.trim(), birthdate: d.birthdate };
          const r = await api.post<SubjectSearchResult>("/api/registry/subject-search", {
            ...body,
            ...(d.subjectCategory.trim() ? { subjectCategory: d.subjectCategory.trim() } : {}),
          });
          setResult(r);
          // The identifier is not kept on screen once the search is done.
          setD((c) => ({ ...c, identifier: "" }));
        }}
      >
        {by === "identifier" ? (
          <div className="grid-2">
            <SelectInput
              name="identifierType"
              label={t("registry.subject.identifierType")}
              value={d.identifierType}
              onChange={(v) => setD({ ...d, identifierType: v })}
              options={order
                .filter((x): x is (typeof TYPES)[number] => (TYPES as readonly string[]).includes(x))
                .map((x) => ({ value: x, label: t(`registry.subject.types.${x}`) }))}
            />
            <TextInput
              name="identifier"
              label={t("registry.subject.identifier")}
              required
              maxLength={100}
              value={d.identifier}
              onChange={(v) => setD({ ...d, identifier: v })}
            />
          </div>
        ) : (
          <div className="grid-2">
            <TextInput
              name="name"
              label={t("registry.subject.name")}
              required
              maxLength={100}
              value={d.name}
              onChange={(v) => setD({ ...d, name: v })}
            />
            <TextInput
              name="birthdate"
              type="date"
              label={t("registry.subject.birthdate")}
              required
              value={d.birthdate}
              onChange={(v) => setD({ ...d, birthdate: v })}
            />
          </div>
        )}
        <TextInput
          name="subjectCategory"
          label={t("registry.subject.subjectCategory")}
          maxLength={100}
          value={d.subjectCategory}
          onChange={(v) => setD({ ...d, subjectCategory: v })}
        />
      </ControlledForm>
      <section aria-live="polite" aria-labelledby="subject-results" className="subsection">
        {result && (
          <>
            <h2 id="subject-results">{t("registry.subject.results", { count: result.files.length })}</h2>
            {result.files.length === 0 ? (
              <p>{t("registry.subject.none")}</p>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t("registry.field.name.label")}</th>
                      <th scope="col">{t("registry.list.unit")}</th>
                      <th scope="col">{t("registry.subject.matched")}</th>
                      <th scope="col">{t("registry.field.subjectCategories.label")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.files.map((f) => (
                      <tr key={f.id}>
                        <th scope="row">
                          <Link to={`/registry/files/${f.id}`}>{f.name}</Link>
                        </th>
                        <td>{f.unitName}</td>
                        <td>{f.matchedItems.join(", ")}</td>
                        <td>{f.subjectCategories.join(", ")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </section>
    </Page>
  );
}
