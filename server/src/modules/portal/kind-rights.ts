import { checkRequester, requestKind } from "@civicpims/core/cases/index";
import { birthDate, longText, text } from "@civicpims/core/validation/index";
import { z } from "zod";
import { badRequest } from "../../http/errors";
import { subjectRef } from "../../security/subject-ref";
import { registerFiles } from "../requests/registry-seam";
import { email, requestFields } from "../requests/requests.schemas";
import { createRequest, rule, subjectKey } from "../requests/requests.service";
import { registerPortalKind } from "./kinds";

/** The rights-request form as the citizen fills it (the staff fields channel/unit/assignee are not there). */
export const rightsPortalFields = {
  ...requestFields,
  requester: z
    .object({
      name: text({ min: 1, max: 200 }),
      email,
      phone: text({ max: 40 }).optional(),
      address: longText({ max: 500 }).optional(),
      birthDate: birthDate().optional(),
    })
    .strict(),
};
const rightsPayload = z.object(rightsPortalFields).strict();
export type RightsPortalPayload = z.infer<typeof rightsPayload>;

const hasSubject = (p: RightsPortalPayload) => !!p.subject && p.requesterType !== "self";

registerPortalKind<RightsPortalPayload>("rights_request", {
  schema: () => rightsPayload,
  title: { ko: "개인정보 요구", "zh-TW": "個人資料請求", en: "data request" },
  email: (p) => p.requester.email,
  subjectRef: (deps, p) =>
    subjectRef(
      deps.secrets,
      subjectKey({ requester: p.requester, subject: hasSubject(p) ? p.subject : null }),
    ),
  async validate(tx, agency, input) {
    const kind = requestKind(agency.jurisdiction, input.kind);
    if (!kind) throw badRequest("requests.unknown_kind");
    const subject = hasSubject(input);
    rule(() =>
      checkRequester(agency.jurisdiction, {
        requesterType: input.requesterType,
        basis: input.representation?.basis ?? null,
        hasSubject: subject,
        subjectBirthDate: (subject ? input.subject?.birthDate : input.requester.birthDate) ?? null,
        onDate: new Date().toISOString().slice(0, 10),
      }),
    );
    for (const a of input.actions ?? [])
      if (!kind.actions.includes(a)) throw badRequest("requests.unknown_action", { action: a });
    // Files of another agency (or unknown ids) would only be refused at confirmation, after a code was mailed.
    await registerFiles(tx, agency.id, input.targetFileIds ?? []);
  },
  create: (ctx, input, opts) => createRequest(ctx, input, opts),
});
