// Subject search (issue 5 item 12): which files may hold a person, by the item kinds each file declares.
// Nothing about the person is stored or matched against data: only the kind of identifier matters.

export type IdentifierType =
  | "rrn"
  | "tw_id"
  | "phone"
  | "email"
  | "passport"
  | "arc"
  | "driver_licence"
  | "alien_registration";

export interface SubjectQuery {
  identifier?: string;
  identifierType?: IdentifierType;
  name?: string;
  birthdate?: string;
  subjectCategory?: string;
}

/** Guesses the identifier type from its shape; null when it looks like nothing known. */
export function classifyIdentifier(raw: string): IdentifierType | null {
  const v = raw.normalize("NFKC").trim();
  const compact = v.replace(/[\s\-‐－().]/g, "");
  if (/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(v)) return "email";
  if (/^\d{6}[1-8]\d{6}$/.test(compact)) {
    // 7th digit 5-8 is the foreigner registration number, same shape as an RRN.
    return /^\d{6}[5-8]/.test(compact) ? "alien_registration" : "rrn";
  }
  if (/^[A-Z][12]\d{8}$/i.test(compact)) return "tw_id";
  if (/^[A-Z][A-D89]\d{8}$/i.test(compact)) return "arc";
  if (/^(\+?82|0)1\d{8,9}$/.test(compact) || /^(\+?82|0)\d{8,10}$/.test(compact)) return "phone";
  if (/^(\+?886|0)9\d{8}$/.test(compact) || /^(\+?886|0)\d{8,9}$/.test(compact)) return "phone";
  if (/^[A-Z]{1,2}\d{7,8}$/i.test(compact)) return "passport";
  return null;
}

/** Which declared kinds make a file a candidate: an identifier's own kind; name+birthdate need both. */
export function kindsForQuery(q: SubjectQuery): { any: string[]; all: string[]; type: string } | null {
  if (q.identifier?.trim()) {
    const type = q.identifierType ?? classifyIdentifier(q.identifier);
    if (!type) return null;
    return { any: [type], all: [], type };
  }
  if (q.name?.trim() && q.birthdate) return { any: [], all: ["name", "birthdate"], type: "name_birthdate" };
  return null;
}

/** The string the subject reference is computed from (never stored or logged itself). */
export function subjectKey(q: SubjectQuery): string {
  if (q.identifier?.trim()) return q.identifier.trim();
  return `${(q.name ?? "").normalize("NFKC").trim().toLowerCase()}|${q.birthdate ?? ""}`;
}

export interface DeclaredFile {
  itemKinds: readonly string[];
  subjectCategories: readonly string[];
}

/** Pure matcher used by tests and the in-memory path; the server runs the same rule in SQL. */
export function fileMayHold(file: DeclaredFile, q: SubjectQuery): string[] | null {
  const k = kindsForQuery(q);
  if (!k) return null;
  if (q.subjectCategory && !file.subjectCategories.includes(q.subjectCategory)) return null;
  if (k.any.length && !k.any.some((x) => file.itemKinds.includes(x))) return null;
  if (k.all.length && !k.all.every((x) => file.itemKinds.includes(x))) return null;
  return [...k.any, ...k.all].filter((x) => file.itemKinds.includes(x));
}
