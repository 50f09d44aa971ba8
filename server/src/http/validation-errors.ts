import { textProblem } from "@civicpims/core/validation/index";
import { type Locale, registerMessages, t } from "../i18n";
import { AppError } from "./errors";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

registerMessages({ ko, "zh-TW": zhTW, en });

/** One field-level problem as the API returns it in `details` of a 400 `validation`. */
export interface FieldDetail {
  /** JSON pointer of the field ("/requester/name"). */
  path: string;
  /** Stable code: text.control_char, text.lone_surrogate, date.out_of_range, field.required, ... */
  code: string;
  /** The code's message in the caller's language. */
  message: string;
  /** body, querystring, params or headers. */
  where?: string;
}

/** What fastify-type-provider-zod puts in `err.validation`: a zod issue, flattened. */
export interface ZodValidationItem {
  keyword: string;
  instancePath: string;
  message?: string;
  params?: Record<string, unknown>;
}

/**
 * The stable code and message parameters of one zod issue. Our own validators
 * (core/src/validation) put their code in `params.code`; zod's built-in issues get a code by kind.
 */
export function issueCode(v: ZodValidationItem): { code: string; params: Record<string, unknown> } {
  const p = (v.params ?? {}) as Record<string, unknown>;
  const origin = p.origin;
  switch (v.keyword) {
    case "custom": {
      const inner = p.params as Record<string, unknown> | undefined;
      if (inner && typeof inner.code === "string") return { code: inner.code, params: inner };
      return { code: "field.invalid", params: {} };
    }
    case "too_small":
      if (origin === "string")
        return Number(p.minimum) <= 1
          ? { code: "field.required", params: {} }
          : { code: "text.too_short", params: { min: p.minimum } };
      if (origin === "array" || origin === "set")
        return { code: "field.too_few", params: { min: p.minimum } };
      return { code: "number.too_small", params: { min: p.minimum } };
    case "too_big":
      if (origin === "string") return { code: "text.too_long", params: { max: p.maximum } };
      if (origin === "array" || origin === "set")
        return { code: "field.too_many", params: { max: p.maximum } };
      return { code: "number.too_big", params: { max: p.maximum } };
    case "invalid_format": {
      const format = p.format;
      if (format === "date") return { code: "date.invalid", params: {} };
      if (format === "datetime") return { code: "date_time.invalid", params: {} };
      if (format === "email") return { code: "email.invalid", params: {} };
      if (format === "uuid" || format === "guid") return { code: "field.invalid_id", params: {} };
      return { code: "field.invalid_format", params: {} };
    }
    case "invalid_value":
      return { code: "field.invalid_choice", params: {} };
    case "unrecognized_keys":
      return { code: "field.unknown", params: {} };
    case "not_multiple_of":
      return { code: "number.invalid", params: {} };
    default:
      return { code: "field.invalid_type", params: {} };
  }
}

/** Turns the schema errors of a request into field-level details in the caller's language. */
export function fieldDetails(items: ZodValidationItem[], locale: Locale, where?: string): FieldDetail[] {
  return items.flatMap((v) => {
    const { code, params } = issueCode(v);
    const base = v.instancePath || "/";
    // An unknown key is reported on the object: point at each key instead.
    const keys = v.keyword === "unrecognized_keys" ? ((v.params?.keys as string[] | undefined) ?? []) : [];
    const paths = keys.length ? keys.map((k) => `${base === "/" ? "" : base}/${k}`) : [base];
    const key = `fieldErrors.${code}`;
    const found = t(locale, key, params);
    // A code without a message of its own (a module's custom refinement) still gets a localised one.
    const message = found === key ? t(locale, "fieldErrors.field.invalid") : found;
    return paths.map((path) => ({ path, code, message, ...(where ? { where } : {}) }));
  });
}

/**
 * The issues of a schema parsed inside a handler (a country's own form, a portal kind's payload) as the
 * same field-level details a route schema gives, under `prefix` ("/data" when the payload is nested).
 */
export function issueDetails(
  issues: ReadonlyArray<{ code: string; path: PropertyKey[]; message: string }>,
  locale: Locale,
  prefix = "",
): FieldDetail[] {
  const items: ZodValidationItem[] = issues.map((i) => {
    const { code, path, message, ...rest } = i as {
      code: string;
      path: PropertyKey[];
      message: string;
    } & Record<string, unknown>;
    return {
      keyword: code,
      instancePath: `${prefix}/${path.map(String).join("/")}`.replace(/\/$/, "") || "/",
      message,
      params: rest,
    };
  });
  return fieldDetails(items, locale, "body");
}

/**
 * Multipart form fields (and file names) do not pass through a zod schema: the same text rules are
 * applied here, with the same field-level 400.
 */
export function assertCleanFields(fields: Record<string, string | undefined>, locale: Locale): void {
  const items: ZodValidationItem[] = [];
  for (const [k, v] of Object.entries(fields)) {
    const code = v === undefined ? null : textProblem(v, false);
    if (code) items.push({ keyword: "custom", instancePath: `/${k}`, params: { params: { code } } });
  }
  if (items.length) throw new AppError(400, "validation", fieldDetails(items, locale, "body"));
}
