import { fieldLabel } from "@civicpims/core/registry/fields";
import type { FieldIssue } from "@civicpims/core/registry/validate";
import { type Locale, registerMessages, t } from "../../i18n";
import en from "./i18n/en.json";
import ko from "./i18n/ko.json";
import zhTW from "./i18n/zh-TW.json";

registerMessages({ ko, "zh-TW": zhTW, en });

export interface LocalisedIssue extends FieldIssue {
  message: string;
  column: string;
}

/** Field issues with their message in the caller's language (column = the field's label). */
export function localiseIssues(
  locale: Locale,
  issues: readonly FieldIssue[],
  labels?: (field: string) => string,
) {
  return issues.map((i): LocalisedIssue => {
    const column = labels ? labels(i.field) : fieldLabel(i.field, locale);
    return { ...i, column, message: t(locale, `errors.registry.field.${i.code}`, { column, ...i.params }) };
  });
}
