import { isIPv4, isIPv6 } from "../checksums";
import type { Recognizer } from "../recognizer";

const O = "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]\\d|\\d)";
const V4 = `(?<![\\d.])${O}\\.${O}\\.${O}\\.${O}(?!\\d|\\.\\d)`;
// IPv6 candidate: hex/colon run; the parser decides. Bounded quantifiers only.
const V6 = "(?<![0-9A-Za-z:.])[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:.]{2,41}(?![0-9A-Za-z:])";

/** IPv4 and IPv6 addresses. Version strings ("v1.2.3.4", "version 1.0.0.12") are not. */
export const ipAddress: Recognizer = {
  id: "ip-address",
  types: ["IP_ADDRESS"],
  pattern: new RegExp(`${V4}|${V6}`, "g"),
  baselineSource: "\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}|[0-9A-Fa-f]{0,4}:[0-9A-Fa-f:]{2,39}",
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
    "항목",
  ],
  priority: 3,
  mayContain: (norm) => norm.includes(".") || norm.includes(":"),
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
      if (!isIPv6(raw) || raw === "::" || (raw.match(/:/g) ?? []).length < 2) return null;
      return { score: 0.85, end: e };
    }
    if (!isIPv4(raw) || raw.startsWith("0.")) return null;
    return { score: 0.85 };
  },
};
