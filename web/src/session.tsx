import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { useNavigate } from "react-router";
import { ApiError, api, setCsrfToken, UNAUTHORIZED_EVENT } from "./api";
import { applyLocale, isLocale } from "./i18n";
import type { Locale, Session } from "./types";

type Status = "loading" | "anonymous" | "pre_mfa" | "ready";

interface SessionState {
  status: Status;
  session: Session | null;
  /** Re-reads GET /api/auth/session; returns the new status. */
  refresh(): Promise<Status>;
  /** Forgets the session locally (after logout). */
  clear(): void;
  can(permission: string): boolean;
  /** Changes the language now and, when signed in, saves it on the account. */
  changeLocale(locale: Locale): Promise<void>;
}

const Ctx = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<Status>("loading");
  const [session, setSession] = useState<Session | null>(null);
  const navigate = useNavigate();

  const refresh = useCallback(async (): Promise<Status> => {
    try {
      const s = await api.get<Session>("/api/auth/session", { quiet401: true });
      setCsrfToken(s.csrfToken);
      setSession(s);
      const loc = s.user.locale ?? s.agency.defaultLocale;
      if (isLocale(loc)) applyLocale(loc);
      const next: Status = s.mfaPassed ? "ready" : "pre_mfa";
      setStatus(next);
      return next;
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        setSession(null);
        setStatus("anonymous");
        return "anonymous";
      }
      throw e;
    }
  }, []);

  const clear = useCallback(() => {
    setCsrfToken(null);
    setSession(null);
    setStatus("anonymous");
  }, []);

  useEffect(() => {
    refresh().catch(() => setStatus("anonymous"));
  }, [refresh]);

  useEffect(() => {
    const onUnauthorized = (ev: Event) => {
      const code = (ev as CustomEvent<string>).detail;
      if (code === "auth.password_change_required") {
        // After an administrator's reset: the new password first (the session stays).
        navigate("/login/password");
      } else if (code === "auth.mfa_required" || code === "auth.mfa_enrolment_required") {
        // The server no longer counts this session as fully signed in: reload it, then ask again.
        void refresh().then(() => navigate(code === "auth.mfa_required" ? "/login/mfa" : "/login/enrol"));
      } else {
        setCsrfToken(null);
        setSession(null);
        setStatus("anonymous");
        navigate("/login", { state: { expired: code === "auth.session_expired" } });
      }
    };
    window.addEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
    return () => window.removeEventListener(UNAUTHORIZED_EVENT, onUnauthorized);
  }, [navigate, refresh]);

  const value = useMemo<SessionState>(
    () => ({
      status,
      session,
      refresh,
      clear,
      can: (p) => !!session?.permissions.includes(p),
      changeLocale: async (locale) => {
        applyLocale(locale, true);
        if (session && status === "ready") {
          await api.patch("/api/auth/me", { locale });
          setSession({ ...session, user: { ...session.user, locale } });
        }
      },
    }),
    [status, session, refresh, clear],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(Ctx);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}

/** The session of a signed-in screen (the shell renders only when it exists). */
export function useReadySession(): Session {
  const { session } = useSession();
  if (!session) throw new Error("no session");
  return session;
}
