import { useCallback, useEffect, useState } from "react";
import { useErrorText } from "./form";

/** Loads data for a screen and exposes reload(); errors become a message for ErrorBox. */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const errorText = useErrorText();
  // biome-ignore lint/correctness/useExhaustiveDependencies: callers pass their own dependency list
  const run = useCallback(load, deps);
  // biome-ignore lint/correctness/useExhaustiveDependencies: tick forces a reload
  useEffect(() => {
    const ctrl = new AbortController();
    setLoading(true);
    run(ctrl.signal)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e) => {
        if ((e as Error).name !== "AbortError") setError(errorText(e));
      })
      .finally(() => {
        if (!ctrl.signal.aborted) setLoading(false);
      });
    return () => ctrl.abort();
  }, [run, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload, setData };
}
