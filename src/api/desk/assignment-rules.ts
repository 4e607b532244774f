import { z } from 'zod';
import { channel, id, line, priority } from '../../domain/primitives.js';
import type { Store } from '../../store/store.js';

export const RULES_KEY = 'assignment_rules';

export const assignmentRule = z.strictObject({
  id,
  name: z.string().max(200).optional(),
  enabled: z.boolean().default(true),
  /** every condition given must hold; a list matches any of its values; no conditions match every ticket */
  when: z
    .strictObject({
      channel: z.array(channel).min(1).optional(),
      category: z.array(id).min(1).optional(),
      priority: z.array(priority).min(1).optional(),
      tag: z.array(id).min(1).optional(),
    })
    .default({}),
  route: z
    .strictObject({
      team_id: id.optional(),
      line: line.optional(),
      /** who in the team (or line) gets it: the next available agent in turn, or the one with fewest open tickets */
      strategy: z.enum(['round_robin', 'least_loaded', 'team_only']).default('round_robin'),
    })
    .refine((t) => t.team_id || t.line, { message: 'name a team_id or a line', path: ['team_id'] }),
});
export type AssignmentRule = z.infer<typeof assignmentRule>;

/** Ordered: the first enabled rule that matches a ticket decides. */
export const assignmentRules = z
  .array(assignmentRule)
  .max(500)
  .superRefine((rules, ctx) => {
    const seen = new Set<string>();
    rules.forEach((r, i) => {
      if (seen.has(r.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `rule id ${r.id} appears twice` });
      seen.add(r.id);
    });
  });

export interface RoutableTicket {
  channel: string;
  category: string | null;
  priority: string | null;
  tags: readonly string[];
}

export function matchRule(rules: readonly AssignmentRule[], t: RoutableTicket): AssignmentRule | null {
  const has = (list: readonly string[] | undefined, value: string | null) =>
    list === undefined || (value !== null && list.includes(value));
  for (const r of rules) {
    if (!r.enabled) continue;
    const w = r.when;
    if (!has(w.channel, t.channel) || !has(w.category, t.category) || !has(w.priority, t.priority)) continue;
    if (w.tag && !w.tag.some((tag) => t.tags.includes(tag))) continue;
    return r;
  }
  return null;
}

export async function loadRules(store: Store): Promise<AssignmentRule[]> {
  const stored = await store.getSetting(RULES_KEY);
  const parsed = stored === undefined ? null : assignmentRules.safeParse(stored);
  return parsed?.success ? parsed.data : [];
}
