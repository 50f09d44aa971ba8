// The portal disclosure form's values -> the kind's payload (pure, tested under node:test).

type Texts = { ko: string; "zh-TW": string; en: string };

/** One field of a portal kind's form, as GET /api/portal/agencies/:code/services gives it. */
export interface KindField {
  name: string;
  required: boolean;
  type: "text" | "longText" | "email" | "date" | "choice" | "number";
  options?: Array<{ value: string; label: Texts }>;
  multiple?: boolean;
  label: Texts;
}

/**
 * Builds the nested payload from flat inputs named after the fields ("requester.name"): empty optional
 * inputs are left out (the schema refuses "" for a date), numbers become numbers, a choice of several
 * becomes the list of its ticked boxes ("methods.view" -> methods: ["view"]).
 */
export function payloadOf(fields: readonly KindField[], values: Readonly<Record<string, string>>) {
  const out: Record<string, unknown> = {};
  const put = (path: string, value: unknown) => {
    const keys = path.split(".");
    let o = out;
    for (const k of keys.slice(0, -1)) {
      if (!o[k]) o[k] = {};
      o = o[k] as Record<string, unknown>;
    }
    o[keys[keys.length - 1]] = value;
  };
  for (const f of fields) {
    if (f.type === "choice" && f.multiple) {
      put(
        f.name,
        (f.options ?? []).filter((o) => values[`${f.name}.${o.value}`] === "true").map((o) => o.value),
      );
      continue;
    }
    const v = values[f.name]?.trim() ?? "";
    if (v === "") {
      if (f.required) put(f.name, "");
      continue;
    }
    put(f.name, f.type === "number" ? Number(v) : v);
  }
  return out;
}
