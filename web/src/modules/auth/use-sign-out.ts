import { useNavigate } from "react-router";
import { api } from "../../api";
import { useSession } from "../../session";

/** Signs out this session (or all of this account's sessions) and returns to the sign-in screen. */
export function useSignOut() {
  const { clear } = useSession();
  const navigate = useNavigate();
  return async (everywhere: boolean) => {
    try {
      await api.post(everywhere ? "/api/auth/logout-all" : "/api/auth/logout", undefined, { quiet401: true });
    } catch {
      // Signing out must always end on the sign-in screen, even if the session was already gone.
    }
    clear();
    navigate("/login", { replace: true, state: { signedOut: true } });
  };
}
