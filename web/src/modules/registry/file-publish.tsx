import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../api";
import { isApiError } from "../../components/api-errors";
import { ControlledForm, type Errors, TextArea, TextInput } from "../../components/controlled-form";
import { ErrorBox, Loading } from "../../components/page";
import { useLoad } from "../../components/use-load";
import type { PublicFile } from "./public/public-data";
import { PublicFileTable } from "./public/public-file-table";
import { type PublicationBlock, PublicationFindings, publicationBlock } from "./publication-findings";
import type { RegistryFile } from "./types";
import { today } from "./use-registry-data";

interface Preview {
  jurisdiction: "KR" | "TW";
  isPublic: boolean;
  entry: PublicFile;
}

/**
 * Publishing a file is its own step (issue 11 item 3): files start unpublished, and the officer first
 * sees the entry exactly as the portal's list will show it, then confirms with a reason and the
 * publication date. The publication guard's refusal and the privacy officer's override work as in the
 * edit form.
 */
export function FilePublishPanel({
  file,
  onClose,
  onPublished,
}: {
  file: RegistryFile;
  onClose(): void;
  onPublished(): void;
}) {
  const { t } = useTranslation();
  const preview = useLoad(
    (signal) => api.get<Preview>(`/api/registry/files/${file.id}/public-preview`, { signal }),
    [file.id, file.version],
  );
  const [reason, setReason] = useState(t("registry.publish.defaultReason"));
  const [publishedOn, setPublishedOn] = useState(today());
  const [blocked, setBlocked] = useState<PublicationBlock | null>(null);
  const [override, setOverride] = useState(false);
  const [overrideReason, setOverrideReason] = useState("");
  const title = t("registry.publish.title");

  const validate = (): Errors => {
    const e: Errors = {};
    if (!reason.trim()) e.reason = t("form.required");
    if (!publishedOn) e.publishedOn = t("form.required");
    if (override && !overrideReason.trim()) e.overrideReason = t("form.required");
    return e;
  };
  const submit = async () => {
    try {
      await api.patch(`/api/registry/files/${file.id}`, {
        version: file.version,
        reason: reason.trim(),
        isPublic: true,
        exemptionReason: null,
        publishedOn,
        publicationOverride:
          blocked?.canOverride && override && overrideReason.trim()
            ? { reason: overrideReason.trim() }
            : undefined,
      });
      onPublished();
    } catch (e) {
      if (isApiError(e, "registry.publication_blocked")) setBlocked(publicationBlock(e));
      throw e;
    }
  };

  return (
    <section className="card publish-panel" aria-labelledby="publish-h" data-testid="publish-panel">
      <h2 id="publish-h">{title}</h2>
      <p>{t("registry.publish.intro")}</p>
      <ErrorBox text={preview.error} />
      {preview.loading && !preview.data && <Loading />}
      {preview.data && (
        <>
          <h3>{t("registry.publish.previewTitle")}</h3>
          <PublicFileTable
            jurisdiction={preview.data.jurisdiction}
            rows={[preview.data.entry]}
            caption={t("registry.publish.previewTitle")}
            testId="publish-preview"
          />
          <ControlledForm
            label={title}
            submitLabel={t("registry.publish.confirm")}
            onSubmit={submit}
            validate={validate}
            onCancel={onClose}
          >
            <TextInput
              name="publishedOn"
              type="date"
              label={t("registry.field.publishedOn.label")}
              required
              value={publishedOn}
              onChange={setPublishedOn}
            />
            <TextArea
              name="reason"
              label={t("registry.common.reason")}
              required
              rows={2}
              value={reason}
              onChange={setReason}
            />
            {blocked && (
              <PublicationFindings
                block={blocked}
                override={override}
                onOverride={setOverride}
                reason={overrideReason}
                onReason={setOverrideReason}
              />
            )}
          </ControlledForm>
        </>
      )}
    </section>
  );
}
