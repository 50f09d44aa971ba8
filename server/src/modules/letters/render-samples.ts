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
    number: j === "KR" ? "한빛시-2026-0001" : "臺北市政府政風處-2026-0001",
    issuedAt: new Date(),
    timeZone: j === "KR" ? "Asia/Seoul" : "Asia/Taipei",
    agency: {
      name: j === "KR" ? "한빛시" : "臺北市政府政風處",
      nameEn: j === "KR" ? "Hanbit City" : "Department of Civil Service Ethics, Taipei City Government",
      address: j === "KR" ? "한빛시 중앙로 100 (우 58000)" : "臺北市信義區市府路1號",
      phone: j === "KR" ? "061-000-1000" : "02-2720-8889",
      homepage: "www.example.go.kr",
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
