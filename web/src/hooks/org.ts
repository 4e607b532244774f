import { useEffect, useState, useSyncExternalStore } from 'react';
import { loadDefinitions } from '../api/client.js';
import type { KpiDefinition, KpiId } from '../api/types.js';

// The organisation's time zone decides what "today" and "this quarter" mean. The server states it in
// every KPI answer; it is remembered so the next visit starts with the right dates.

const TZ_KEY = 'firstline.timeZone';
const listeners = new Set<() => void>();
let timeZone =
  window.localStorage.getItem(TZ_KEY) ?? Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC';

export function useOrgTimeZone(): string {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => timeZone,
  );
}

export function learnTimeZone(tz: string): void {
  if (!tz || tz === timeZone) return;
  timeZone = tz;
  window.localStorage.setItem(TZ_KEY, tz);
  for (const l of listeners) l();
}

/** How often the overview refreshes itself; `firstline.pollMs` in localStorage overrides it (tests). */
export function pollInterval(): number {
  const v = Number(window.localStorage.getItem('firstline.pollMs'));
  return Number.isFinite(v) && v >= 500 ? v : 30_000;
}

export interface Definitions {
  list: KpiDefinition[];
  byId: Map<KpiId, KpiDefinition>;
}

export function useDefinitions(): { defs: Definitions | null; error: Error | null } {
  const [defs, setDefs] = useState<Definitions | null>(null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let live = true;
    loadDefinitions().then(
      (list) => {
        if (!live) return;
        const sorted = [...list].sort((a, b) => a.number - b.number);
        setDefs({ list: sorted, byId: new Map(sorted.map((d) => [d.id, d])) });
      },
      (err: unknown) => live && setError(err instanceof Error ? err : new Error(String(err))),
    );
    return () => {
      live = false;
    };
  }, []);
  return { defs, error };
}
