import { ROLES } from "@civicpims/core/auth/index";
import { date, secret, text, textField } from "@civicpims/core/validation/index";
import { z } from "zod";
import { parseMailbox } from "../letters/agency-mail";

const name = text({ min: 1, max: 200 });
const optText = (max: number) => textField({ max }).nullish();
export const idParams = z.object({ id: z.uuid() });

export const agencyPatch = z
  .object({
    nameLocal: name,
    nameEn: name,
    timeZone: text({ max: 60, trim: false }),
    defaultLocale: z.enum(["ko", "zh-TW", "en"]),
    homepage: optText(300),
    phone: optText(40),
    fax: optText(40),
    email: z.email().max(200).nullish(),
    address: optText(300),
    /** Sender of the agency's mail: "Name <address>" or an address (A1, mail per agency). */
    mailFrom: text({ max: 300 })
      .refine((v) => parseMailbox(v) !== null, "an e-mail address, optionally as Name <address>")
      .nullish(),
    replyTo: z.email().max(200).nullish(),
    /** Public address of the agency's portal, used for links in its mail. */
    publicUrl: z
      .url({ protocol: /^https?$/ })
      .max(300)
      .nullish(),
    // What letters need (issue 11 item 4): head of agency, appeal body, TW 發文字號 prefix word.
    headTitle: optText(100),
    headName: optText(100),
    appealBody: optText(200),
    docNumberPrefix: z
      .string()
      .regex(/^[\p{Script=Han}A-Za-z0-9]{1,12}$/u, "Han characters, letters or digits (up to 12)")
      .nullish(),
  })
  .partial();

export const agencyCreate = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, "lower-case letters, digits and hyphens"),
  nameLocal: name,
  nameEn: name,
  jurisdiction: z.enum(["KR", "TW"]),
  admin: z.object({
    username: z.string().regex(/^[A-Za-z0-9._-]{3,40}$/),
    displayName: name,
    password: secret({ max: 256 }),
  }),
});

export const unitInput = z.object({
  code: text({ min: 1, max: 40 }),
  nameLocal: name,
  nameEn: optText(200),
  parentId: z.uuid().nullish(),
  headName: optText(100),
  phone: optText(40),
  fax: optText(40),
  email: z.email().max(200).nullish(),
  /** Issue 11: new cases of the unit go to this staff member. */
  defaultHandlerId: z.uuid().nullish(),
});
export const unitPatch = unitInput.partial().extend({ active: z.boolean().optional() });

export const staffCreate = z.object({
  username: z.string().regex(/^[A-Za-z0-9._-]{3,40}$/, "3-40 letters, digits, dot, dash or underscore"),
  displayName: name,
  unitId: z.uuid().nullish(),
  email: z.email().max(200).nullish(),
  phone: optText(40),
  position: optText(100),
  locale: z.enum(["ko", "zh-TW", "en"]).nullish(),
  password: secret({ max: 256 }),
});
export const staffPatch = staffCreate
  .omit({ username: true, password: true })
  .partial()
  .extend({ status: z.enum(["active", "disabled"]).optional() });
export const staffQuery = z.object({
  q: text({ max: 100, trim: false }).optional(),
  unitId: z.uuid().optional(),
});

export const roleGrant = z.object({
  role: z.enum(ROLES),
  unitId: z.uuid().nullish(),
  reason: optText(500),
});
export const roleRevokeParams = z.object({ id: z.uuid(), assignmentId: z.uuid() });
export const roleRevoke = z.object({ reason: optText(500) }).nullish();

export const committeeInput = z.object({
  kind: z.enum(["execution_group", "security_audit_team", "officers", "other"]),
  nameLocal: name,
  nameEn: optText(200),
  mandate: optText(2000),
});
export const memberInput = z
  .object({
    staffId: z.uuid().nullish(),
    externalName: optText(100),
    unitId: z.uuid().nullish(),
    position: z.enum(["convener", "secretary", "member", "guest"]).default("member"),
    since: date().nullish(),
    until: date().nullish(),
  })
  .refine((m) => !!m.staffId !== !!m.externalName, { message: "give either staffId or externalName" });
export const memberParams = z.object({ id: z.uuid(), memberId: z.uuid() });
