import { useCallback, useEffect, useState } from "react";
import { useErrorText } from "./form";

/**
 * Loads data for a screen and exposes reload(); errors become a message for ErrorBox. `loading` is
 * true from the very render in which the dependencies change, so stale rows are never presented
 * (or announced) as the answer to a new filter.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [inFlight, setInFlight] = useState(true);
  const [tick, setTick] = useState(0);
  const [doneKey, setDoneKey] = useState<string | null>(null);
  const errorText = useErrorText();
  const key = `${JSON.stringify(deps)}#${tick}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: callers pass their own dependency list
  const run = useCallback(load, deps);
  // biome-ignore lint/correctness/useExhaustiveDependencies: key covers deps and reloads
  useEffect(() => {
    const ctrl = new AbortController();
    setInFlight(true);
    run(ctrl.signal)
      .then((d) => {
        setData(d);
        setError(null);
      })
      .catch((e) => {
        if ((e as Error).name !== "AbortError") setError(errorText(e));
      })
      .finally(() => {
        if (!ctrl.signal.aborted) {
          setInFlight(false);
          setDoneKey(key);
        }
      });
    return () => ctrl.abort();
  }, [run, key]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading: inFlight || doneKey !== key, reload, setData };
}
