import type { RawMatch, Recognizer } from "../recognizer";

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;

function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isLocalChar(c: number): boolean {
  // A-Z a-z 0-9 . _ % + -
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}
function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45;
}

/** "icon@2x.png" is an asset name, not an address. */
const FILE_EXTENSIONS = new Set([
  "png",
  "jpg",
  "jpeg",
  "gif",
  "svg",
  "webp",
  "css",
  "js",
  "json",
  "pdf",
  "hwp",
  "zip",
]);

/** Labels of 1-63 letters/digits/hyphens (not at either end), at least two, alphabetic TLD. */
function domainValid(d: string): boolean {
  let labelStart = 0;
  let labels = 0;
  for (let i = 0; i <= d.length; i++) {
    if (i < d.length && d.charCodeAt(i) !== 46) continue;
    const len = i - labelStart;
    if (len === 0 || len > 63 || d.charCodeAt(labelStart) === 45 || d.charCodeAt(i - 1) === 45) return false;
    labels++;
    if (i < d.length) labelStart = i + 1;
  }
  if (labels < 2) return false;
  const tld = d.slice(labelStart);
  return /^[A-Za-z]{2,24}$/.test(tld) && !FILE_EXTENSIONS.has(tld.toLowerCase());
}

/**
 * E-mail addresses. Scanned by hand around each "@" (bounded expansion both ways), which is linear
 * and much faster than letting a regex try every start position.
 */
export const email: Recognizer = {
  id: "email",
  types: ["EMAIL"],
  baselineSource: "(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,24}",
  context: ["이메일", "메일", "e-mail", "email", "電子郵件", "信箱", "郵件"],
  priority: 2,
  mayContain: (norm) => norm.includes("@"),
  find(norm, emit: (m: RawMatch) => boolean) {
    let at = norm.indexOf("@");
    while (at !== -1) {
      let s = at;
      while (s > 0 && at - s < MAX_LOCAL + 1 && isLocalChar(norm.charCodeAt(s - 1))) s--;
      let e = at + 1;
      while (e < norm.length && e - at <= MAX_DOMAIN && isDomainChar(norm.charCodeAt(e))) e++;
      const tooLong = s > 0 && isLocalChar(norm.charCodeAt(s - 1));
      // Local part must start with a letter or digit; a "*" right before it means already masked.
      while (s < at && !isAlnum(norm.charCodeAt(s))) s++;
      while (e > at + 1 && !isAlnum(norm.charCodeAt(e - 1))) e--;
      const masked = s > 0 && norm.charCodeAt(s - 1) === 42;
      if (!tooLong && !masked && s < at && e > at + 1) emit({ start: s, end: e });
      at = norm.indexOf("@", at + 1);
    }
  },
  validate(norm, { start, end }) {
    const at = norm.indexOf("@", start);
    if (at < 0 || at >= end) return null;
    if (!domainValid(norm.slice(at + 1, end))) return null;
    return { score: 0.9 };
  },
};
