import PDFDocument from "pdfkit";
import { fontBytes } from "../letters/fonts";

/** RRN with a hand-checked check digit (core/src/pii/checksum-fixtures.test.ts, pii.md public example). */
export const FIXTURE_RRN = "960121-1021413";
export const FIXTURE_NAME = "홍길동";

/** A one-page PDF with a name and a resident registration number in its text layer (Noto Sans KR). */
export async function fixturePdf(lines?: string[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", info: { Title: "fixture", Producer: "test", Creator: "test" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on("end", () => r()));
  doc.registerFont("kr", fontBytes("kr"));
  doc.font("kr").fontSize(12);
  const text = lines ?? [
    "정보공개 청구 회신 자료",
    `신청인 성명: ${FIXTURE_NAME}`,
    `주민등록번호: ${FIXTURE_RRN}`,
    "위 사람의 민원 처리 결과를 다음과 같이 알려드립니다.",
  ];
  let y = 80;
  for (const l of text) {
    doc.text(l, 72, y);
    y += 24;
  }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
