// Patterns shared by recognizers whose identifiers have the same shape. The engine runs each
// distinct pattern once and offers every match to all recognizers that share it, so RRN/FRN,
// TW ID/ARC and KR/TW phones each cost one pass over the text instead of two.
//
// Patterns start with a character class and put the look-behind after it ("\d(?<![\d*]\d)"
// rather than "(?<![\d*])\d"): same meaning, but the regex engine can skip quickly to
// candidate characters. No nested quantifiers anywhere: every pattern runs in linear time.

/**
 * YYMMDD-GNNNNNN (any G: the RRN and FRN validators each accept their own G digits). The
 * hyphen may have a space on either side, as typed into forms ("960121 - 1021413").
 */
export const KR_RESIDENT_SHAPE = /\d(?<![\d*]\d)\d[01]\d[0-3]\d(?: ?- ?| )?\d{7}(?![\d*])/g;

/** Letter (either case: people type "a123456789") + [12] (ID) or [89] / [A-D] (resident certificate) + 8 digits. */
export const TW_ID_SHAPE = /[A-Za-z](?<![A-Za-z0-9][A-Za-z])[1289A-D]\d{8}(?![A-Za-z0-9])/g;

/**
 * Mobile numbers may be typed with spaced hyphens ("010 - 1234 - 5678"). International forms:
 * E.164 compact as phone exports write them ("+821012345678"), spaced or hyphenated, with the
 * trunk "(0)" ("+82 (0)10 ...") and with the country code in parentheses ("(+82) 10-...").
 */
const KR_PHONE =
  "01[016789](?: ?- ?|[. ])?\\d{3,4}(?: ?- ?|[. ])?\\d{4}|0(?:2|[3-6][1-5]|[78]0|50\\d)[-. )]?\\d{3,4}[-. ]?\\d{4}|\\(0(?:1[016789]|2|[3-6][1-5]|70)\\) ?\\d{3,4}[-. ]?\\d{4}|(?:\\(\\+82\\)|\\+82)[-. ]?(?:\\(0\\)[-. ]?)?(?:1[016789]|2|[3-6][1-5]|70)[-. ]?\\d{3,4}[-. ]?\\d{4}";
const TW_PHONE =
  "09\\d{2}(?: ?- ?|[. ])?\\d{3}(?: ?- ?|[. ])?\\d{3}|\\(0[2-8]\\d{0,2}\\) ?\\d{3,4}[-. ]?\\d{4}|0[2-8]\\d{0,2}-\\d{3,4}-?\\d{4}|(?:\\(\\+886\\)|\\+886)[-. ]?(?:\\(0\\)[-. ]?)?(?:9\\d{2}[-. ]?\\d{3}[-. ]?\\d{3}|[2-8]\\d{0,2}[-. ]?\\d{3,4}[-. ]?\\d{4})";

/** Korean and Taiwanese phone numbers; each phone validator checks its own numbering plan. */
export const PHONE_SHAPE = new RegExp(`(?<![\\d*+])(?:${KR_PHONE}|${TW_PHONE})(?![\\d*])`, "g");
