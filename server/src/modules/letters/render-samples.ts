// Dev tool: renders sample letters to PDF and PNG in /tmp/civicpims-letters so a person can look at them.
//   node --import tsx server/src/modules/letters/render-samples.ts [KR:pipa_access_decision:ko,TW:tw_refusal:zh-TW ...]
// Without arguments: every kind of both packs in every language (PDF), page 1 as PNG.
import { mkdirSync, writeFileSync } from "node:fs";
import {
  composeLetter,
  LETTER_LOCALES,
  type LetterKind,
  letterKindsFor,
  sampleLetterData,
} from "@civicpims/core/letters/index";
import * as mupdf from "mupdf";
import { renderLetterPdf } from "./pdf-render";

const out = "/tmp/civicpims-letters";
mkdirSync(out, { recursive: true });
const all = (["KR", "TW"] as const).flatMap((j) =>
  letterKindsFor(j).flatMap((k) => LETTER_LOCALES.map((l) => `${j}:${k}:${l}`)),
);
const list = process.argv[2] ? process.argv[2].split(",") : all;
for (const spec of list) {
  const [j, kind, locale] = spec.split(":") as ["KR" | "TW", LetterKind, "ko" | "zh-TW" | "en"];
  const l = composeLetter({
    jurisdiction: j,
    kind,
    locale,
    number: j === "KR" ? "한빛시-2026-0001" : "青區秘字第1150000001號",
    issuedAt: new Date(),
    timeZone: j === "KR" ? "Asia/Seoul" : "Asia/Taipei",
    // The demo agencies' profiles (fictional), with what letters require.
    agency:
      j === "KR"
        ? {
            name: "한빛시",
            nameEn: "Hanbit City",
            address: "한빛시 시청로 1 (가상 주소)",
            phone: "061-000-1000",
            fax: "061-000-1001",
            homepage: "https://hanbit.example.kr",
            headTitle: "한빛시장",
            appealBody: "한빛도행정심판위원회",
          }
        : {
            name: "青山區公所",
            nameEn: "Qingshan District Office",
            address: "青山區公所路1號（虛構地址）",
            phone: "(07)000-1000",
            fax: "(07)000-1001",
            email: "privacy@qingshan.example.tw",
            headTitle: "區長",
            headName: "林青山",
            appealBody: "青山市政府",
          },
    data: sampleLetterData(j, kind),
  });
  const pdf = await renderLetterPdf(l);
  const d = mupdf.Document.openDocument(pdf, "application/pdf");
  console.log(`${spec}: ${(pdf.length / 1024).toFixed(1)} KB, ${d.countPages()} page(s)`);
  writeFileSync(`${out}/${j}-${kind}-${locale}.pdf`, pdf);
  for (let i = 0; i < d.countPages(); i++)
    writeFileSync(
      `${out}/${j}-${kind}-${locale}-p${i + 1}.png`,
      d.loadPage(i).toPixmap(mupdf.Matrix.scale(1.4, 1.4), mupdf.ColorSpace.DeviceRGB, false).asPNG(),
    );
}
