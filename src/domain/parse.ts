import type { z } from 'zod';
import { type DomainEvent, domainEvent, EVENT_TYPES } from './events.js';

export interface EventIssue {
  /** dotted path of the offending field, e.g. "score" or "week.mon.0.1" */
  field: string;
  message: string;
}

export type ParseResult = { ok: true; event: DomainEvent } | { ok: false; issues: EventIssue[] };

function describe(issue: z.core.$ZodIssue): EventIssue {
  const field = issue.path.map(String).join('.') || '(event)';
  if (issue.code === 'invalid_union' && field === 'type') {
    return { field, message: `unknown event type; expected one of ${EVENT_TYPES.join(', ')}` };
  }
  if (issue.code === 'unrecognized_keys') {
    return { field: issue.keys.join(', '), message: 'unknown field' };
  }
  return { field, message: issue.message };
}

/** Validates one raw event; every problem names its field. */
export function parseEvent(raw: unknown): ParseResult {
  if (typeof raw === 'object' && raw !== null && 'type' in raw) {
    const t = (raw as { type: unknown }).type;
    if (typeof t !== 'string' || !(EVENT_TYPES as readonly string[]).includes(t)) {
      return {
        ok: false,
        issues: [
          {
            field: 'type',
            message: `unknown event type ${JSON.stringify(t)}; expected one of ${EVENT_TYPES.join(', ')}`,
          },
        ],
      };
    }
  }
  const r = domainEvent.safeParse(raw);
  if (r.success) return { ok: true, event: r.data };
  return { ok: false, issues: r.error.issues.map(describe) };
}

/** Canonical JSON (sorted keys) so that re-sending the same event compares equal whatever its key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
      );
    }
    return v;
  });
}
