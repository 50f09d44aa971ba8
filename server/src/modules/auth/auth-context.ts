import type { Role } from "@civicpims/core/auth/index";
import type { Locale } from "../../i18n";

/** Who is calling, resolved from the session cookie on every request. */
export interface AuthContext {
  /** The local operator (CLI token, loopback only): may call /api/system/* routes, nothing else. */
  operator?: true;
  sessionId: string;
  staffId: string;
  agencyId: string;
  username: string;
  displayName: string;
  unitId: string | null;
  roles: Array<{ role: Role; unitId: string | null }>;
  /** False until the second factor is given (or enrolment done, for roles that require it). */
  mfaPassed: boolean;
  mfaEnabled: boolean;
  /** After an administrator's reset: only the password change (and session basics) until done. */
  mustChangePassword: boolean;
  csrfToken: string;
  locale: Locale | null;
  jurisdiction: "KR" | "TW";
  agencyLocale: Locale;
}
