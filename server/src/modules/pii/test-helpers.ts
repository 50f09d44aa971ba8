import type { Role } from "@civicpims/core/auth/index";
import type { TestApp } from "../../test-support/app";
import { multipart } from "../cases/multipart.test-helper";

export const RRN = "960121-1021413";
export const PHONE = "010-1234-5678";
export const EMAIL = "hong.gildong@example.kr";

export const KO_LETTER = [
  "민원 회신 초안",
  "신청인: 홍길동",
  `주민등록번호: ${RRN}`,
  `연락처 ${PHONE}, 전자우편 ${EMAIL}`,
  "처리 결과를 알려 드립니다.",
  "",
].join("\n");

/** Multipart upload of one file (plus text fields before it) as a signed-in staff member. */
export async function uploadAs(
  t: TestApp,
  url: string,
  file: { filename: string; content: Buffer | Uint8Array | string },
  opts: { role?: Role; who?: "a" | "b"; fields?: Record<string, string> } = {},
) {
  const content = typeof file.content === "string" ? Buffer.from(file.content) : Buffer.from(file.content);
  const body = multipart({ filename: file.filename, content }, opts.fields ?? {});
  const headers = { ...(await t.as(opts.role ?? "privacy_officer", opts.who ?? "a")), ...body.headers };
  return t.inject({ method: "POST", url, payload: body.payload, headers });
}

export async function ledgerActions(t: TestApp, resourceId: string): Promise<string[]> {
  const rows = await t.tdb.query<{ action: string }>(
    "SELECT action FROM ledger_entries WHERE resource_id = $1 ORDER BY seq",
    [resourceId],
  );
  return rows.map((r) => r.action);
}
