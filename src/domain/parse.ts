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

/**
 * Canonical JSON (sorted keys) so that re-sending the same event compares equal whatever its key order.
 * Stored bodies are compared byte for byte, so the text must never change: it is JSON.stringify of a copy whose
 * keys were added in code-unit order (JavaScript still puts array-index keys first, in numeric order).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedCopy(value, ''));
}

function sortedCopy(input: unknown, key: string): unknown {
  let v = input;
  if (v === null || typeof v !== 'object') return v;
  if (typeof (v as { toJSON?: unknown }).toJSON === 'function') {
    v = (v as { toJSON(k: string): unknown }).toJSON(key);
    if (v === null || typeof v !== 'object') return v;
  }
  if (Array.isArray(v)) return v.map((item, i) => sortedCopy(item, String(i)));
  const from = v as Record<string, unknown>;
  // no prototype, so that a "__proto__" key is an own field like any other
  const out = Object.create(null) as Record<string, unknown>;
  for (const k of Object.keys(from).sort()) out[k] = sortedCopy(from[k], k);
  return out;
}
