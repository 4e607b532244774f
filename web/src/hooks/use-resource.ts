import { useCallback, useEffect, useRef, useState } from 'react';

export interface Resource<T> {
  data: T | null;
  /** the key the data was loaded for: differs from the current key while a new cut loads */
  dataKey: string | null;
  error: Error | null;
  loading: boolean;
  updatedAt: number | null;
  reload: () => void;
}

interface Options {
  /** refetch every this many ms while the page is visible; the last data stays on screen meanwhile */
  pollMs?: number;
}

/**
 * Loads `key` with `load` and keeps the last good answer while a newer one loads, so a refresh or a
 * filter change never blanks the page. A newer key aborts the request of an older one.
 */
export function useResource<T>(
  key: string | null,
  load: (signal: AbortSignal) => Promise<T>,
  options: Options = {},
): Resource<T> {
  const [state, setState] = useState<Omit<Resource<T>, 'reload'>>({
    data: null,
    dataKey: null,
    error: null,
    loading: key !== null,
    updatedAt: null,
  });
  const loadRef = useRef(load);
  loadRef.current = load;
  const [tick, setTick] = useState(0);
  const loadedAt = useRef(0);
  const reload = useCallback(() => setTick((n) => n + 1), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new tick is a reload of the same key
  useEffect(() => {
    if (key === null) return;
    const ctl = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    loadRef.current(ctl.signal).then(
      (data) => {
        if (!ctl.signal.aborted) {
          loadedAt.current = Date.now();
          setState({ data, dataKey: key, error: null, loading: false, updatedAt: loadedAt.current });
        }
      },
      (error: unknown) => {
        if (ctl.signal.aborted) return;
        setState((s) => ({
          ...s,
          error: error instanceof Error ? error : new Error(String(error)),
          loading: false,
        }));
      },
    );
    return () => ctl.abort();
  }, [key, tick]);

  const pollMs = options.pollMs;
  useEffect(() => {
    if (!pollMs || key === null) return;
    const timer = window.setInterval(() => {
      if (!document.hidden) reload();
    }, pollMs);
    // back on a tab that missed refreshes: refresh at once rather than wait for the next tick
    const onVisible = () => {
      if (!document.hidden && Date.now() - loadedAt.current >= pollMs) reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [pollMs, key, reload]);

  return { ...state, reload };
}
