import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

// CJK fonts ship as npm packages (Noto Sans KR and TC, SIL OFL) and are read from node_modules: no
// runtime download. pdfkit embeds only the glyphs a letter uses (subsetting), so a one-page letter stays
// small even though each TTF is several megabytes.
const require = createRequire(import.meta.url);

export const FONT_FILES = {
  kr: "@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf",
  krBold: "@expo-google-fonts/noto-sans-kr/700Bold/NotoSansKR_700Bold.ttf",
  tc: "@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf",
  tcBold: "@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf",
} as const;
export type FontName = keyof typeof FONT_FILES;

const cache = new Map<FontName, Buffer>();

/** The font file's bytes, read once per process. */
export function fontBytes(name: FontName): Buffer {
  let b = cache.get(name);
  if (!b) {
    b = readFileSync(require.resolve(FONT_FILES[name]));
    cache.set(name, b);
  }
  return b;
}
