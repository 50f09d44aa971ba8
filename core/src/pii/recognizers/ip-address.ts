import { isIPv4, isIPv6 } from "../checksums";
import type { RawMatch, Recognizer } from "../recognizer";

// Octet ranges and leading zeros are checked by isIPv4; the pattern only fixes the shape.
const V4 = /\d(?<![\d.]\d)\d{0,2}\.\d{1,3}\.\d{1,3}\.\d{1,3}(?!\d|\.\d)/g;
// Shape of an IPv6 candidate (used by the baseline; the finder below scans around ":" by hand).
const V6_SOURCE = "(?<![0-9A-Za-z:.])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]{2,41}(?![0-9A-Za-z:])";
const MAX_V6 = 45;

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** IPv6 candidates: the hex/colon run around each ":" (bounded both ways: linear). */
function findV6(norm: string, emit: (m: RawMatch) => boolean): void {
  let i = norm.indexOf(":");
  while (i !== -1) {
    let s = i;
    while (s > 0 && i - s < MAX_V6 && (isHex(norm.charCodeAt(s - 1)) || norm.charCodeAt(s - 1) === 58)) s--;
    let e = i + 1;
    while (e < norm.length && e - s < MAX_V6) {
      const c = norm.charCodeAt(e);
      if (!(isHex(c) || c === 58 || c === 46)) break;
      e++;
    }
    const before = s > 0 ? norm.charCodeAt(s - 1) : 32;
    const after = e < norm.length ? norm.charCodeAt(e) : 32;
    // Glued to letters or digits on either side ("std::map", "a1:b2:c3z") it is not an address.
    // A hyphen after it means a longer token ("::010-1234-5678" is a phone after two colons).
    if (!isAlnum(before) && before !== 46 && !isAlnum(after) && after !== 45 && e - s >= 3)
      emit({ start: s, end: e });
    i = norm.indexOf(":", Math.max(e, i + 1));
  }
}

/** IPv4 and IPv6 addresses. Version strings ("v1.2.3.4", "version 1.0.0.12") are not. */
export const ipAddress: Recognizer = {
  id: "ip-address",
  types: ["IP_ADDRESS"],
  baselineSource: `${V4.source}|${V6_SOURCE}`,
  context: ["ip", "접속", "address", "주소", "位址", "來源"],
  negativeContext: [
    "version",
    "ver.",
    "ver ",
    "버전",
    "版本",
    "版號",
    "build",
    "빌드",
    "release",
    "firmware",
    "펌웨어",
    "oid",
    "section",
    "sec.",
    "§",
    "chapter",
    "clause",
    "item",
    "항목",
  ],
  priority: 3,
  find(norm, emit) {
    if (norm.includes(".")) {
      V4.lastIndex = 0;
      for (let m = V4.exec(norm); m !== null; m = V4.exec(norm)) {
        if (!emit({ start: m.index, end: m.index + m[0].length, m })) V4.lastIndex = m.index + 1;
      }
      V4.lastIndex = 0;
    }
    findV6(norm, emit);
  },
  validate(norm, { start, end }) {
    let raw = norm.slice(start, end);
    const prev = start > 0 ? norm.charCodeAt(start - 1) : 0;
    // Glued to a Latin letter ("v1.2.3.4", "ver10.0.0.1"): a version, not an address.
    if ((prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122)) return null;
    if (raw.includes(":")) {
      let e = end;
      while (raw.endsWith(".")) {
        raw = raw.slice(0, -1);
        e--;
      }
      let colons = 0;
      for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) === 58) colons++;
      // Without "::" a full address has 7 colons (6 with an IPv4 tail): rejects times quickly.
      if (colons < 2 || (!raw.includes("::") && colons !== 7 && colons !== 6)) return null;
      // "::1" and "::" (loopback, unspecified) are not anyone's address: ask for two groups.
      if (!isIPv6(raw) || raw.split(":").filter((g) => g !== "").length < 2) return null;
      return { score: 0.85, end: e };
    }
    if (!isIPv4(raw) || raw.startsWith("0.")) return null;
    return { score: 0.85 };
  },
};
