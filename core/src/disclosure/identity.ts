// KR 정보공개 청구서: 생년월일 for a person or 사업자(법인·단체)등록번호 for a company. Neither is required
// alone, so every form (staff intake, portal) checks the pair before sending and the schema refuses it
// with this code. Kept apart from fields.ts so that screens can use it without the zod schemas.

/** The stable code of "give a birth date or a business number" (a message of its own on every screen). */
export const KR_IDENTITY_REQUIRED = "disclosure.identity_required";

/** KR: true when neither 생년월일 nor 사업자(법인·단체)등록번호 is filled in. */
export function krIdentityMissing(r: { birthDate?: string | null; businessNumber?: string | null }): boolean {
  return !r.birthDate?.trim() && !r.businessNumber?.trim();
}
