// Holiday names in every UI language. Packs name holidays in their own language (KR: ko, TW: zh-TW)
// and ship a table of the other languages; substitute-day marks are split off so the renderer can
// add them in the reader's language ("대체공휴일", "補假", "substitute holiday").
import type { HolidayEntry, HolidayPack, LocalNames } from "./types";

/** Marks packs and date-holidays put after a base name for a substitute day. */
const SUBSTITUTE_MARKS = [/\s*\(대체공휴일\)$/, /\s+대체공휴일$/, /\s*\(補假\)$/, /\s*\(更换日\)$/];

export interface HolidayName {
  name: LocalNames;
  substitute?: boolean;
}

/** A holiday's name in ko / zh-TW / en where the pack knows it; always at least the pack's own language. */
export function holidayName(pack: HolidayPack, entry: HolidayEntry): HolidayName {
  let base = entry.name;
  let substitute = entry.kind === "substitute";
  for (const m of SUBSTITUTE_MARKS) {
    if (m.test(base)) {
      base = base.replace(m, "");
      substitute = true;
    }
  }
  const own = pack.nameLang ?? "en";
  const known = pack.holidayNames?.[base];
  const name: LocalNames = { ...(known ?? {}), ...(entry.names ?? {}), [own]: base };
  return substitute ? { name, substitute } : { name };
}
