import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { Loading } from "../../components/page";
import { useSession } from "../../session";

/** Signed-in screens: anonymous visitors go to sign-in, half-signed-in ones to the second factor. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, session } = useSession();
  const location = useLocation();
  if (status === "loading") return <Loading />;
  const from = location.pathname + location.search;
  if (status === "anonymous") return <Navigate to="/login" replace state={{ from }} />;
  if (status === "pre_mfa")
    return (
      <Navigate to={session?.user.mfaEnabled ? "/login/mfa" : "/login/enrol"} replace state={{ from }} />
    );
  return <>{children}</>;
}

/** A screen that needs one permission; others see a plain refusal instead of a broken page. */
export function RequirePermission({ permission, children }: { permission: string; children: ReactNode }) {
  const { can } = useSession();
  if (!can(permission)) return <Navigate to="/forbidden" replace />;
  return <>{children}</>;
}
