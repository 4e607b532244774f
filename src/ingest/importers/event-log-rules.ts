import type { Line } from '../../domain/primitives.js';
import type { ActivityRule, EventLogMapping } from './event-log-mapping.js';

/** A small memo: event logs repeat a few hundred activities and groups millions of times. */
function memo<V>(compute: (key: string) => V, limit = 10_000): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as V;
    const value = compute(key);
    if (cache.size < limit) cache.set(key, value);
    return value;
  };
}

const listed = (want: string | string[] | undefined, value: string) =>
  want === undefined || (Array.isArray(want) ? want.includes(value) : want === value);

/** The first rule matching an activity and its status, or undefined when the activity is not mapped. */
export function ruleMatcher(
  rules: readonly ActivityRule[],
): (activity: string, status: string) => ActivityRule | undefined {
  const compiled = rules.map((rule) => ({
    rule,
    activity: rule.activity_pattern ? new RegExp(rule.activity_pattern) : null,
    status: rule.status_pattern ? new RegExp(rule.status_pattern) : null,
  }));
  const find = memo((key: string) => {
    const [activity = '', status = ''] = key.split('\u0000');
    return compiled.find(
      (c) =>
        listed(c.rule.activity, activity) &&
        (!c.activity || c.activity.test(activity)) &&
        listed(c.rule.status, status) &&
        (!c.status || c.status.test(status)),
    )?.rule;
  });
  return (activity, status) => find(`${activity}\u0000${status}`);
}

/** A group's line by the mapping's regex rules (first match), else the default, else unknown. */
export function lineOfGroup(lines: EventLogMapping['lines']): (group: string) => Line | undefined {
  const rules = (lines?.rules ?? []).map((r) => ({ re: new RegExp(r.pattern, r.flags), line: r.line }));
  return memo((group: string) => {
    if (!group) return undefined;
    return rules.find((r) => r.re.test(group))?.line ?? lines?.default;
  });
}
