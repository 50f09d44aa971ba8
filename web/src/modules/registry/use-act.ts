import { useState } from "react";
import { useErrorText } from "../../components/form";

/** Runs one button action at a time with its status and error messages for the screen. */
export function useAct() {
  const errorText = useErrorText();
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (fn: () => Promise<string | null | undefined>) => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      setStatus((await fn()) ?? null);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return { status, error, busy, run, setStatus, setError };
}

/** Asks for the reason every change to a register record needs; null when the user cancels. */
export function askReason(prompt: string): string | null {
  const r = window.prompt(prompt)?.trim();
  return r ? r : null;
}
