import { z } from 'zod';
import { channel, id, line, priority, tags } from '../../domain/primitives.js';

/** The ticket version the client loaded: a stale one is refused with 409 and the fresh ticket. */
const version = {
  version: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      'the ticket version the client loaded (tickets.version); a stale one gets 409 with the fresh ticket',
    ),
};
const text = z.string().trim().min(1).max(100_000);

export const createBody = z.strictObject({
  ticket_id: id.optional().describe('defaults to a new id such as T-7KQ2M9XA'),
  channel,
  customer: id.optional(),
  subject: z.string().trim().min(1).max(1000).optional(),
  text: text.optional(),
  category: id.optional(),
  priority: priority.optional(),
  tags: tags.optional(),
  contact_id: id.optional(),
});

/** Every action on an existing ticket, by its path segment: POST /api/v1/tickets/:id/<action>. */
export const actionBodies = {
  classify: z.strictObject({ ...version, category: id }),
  assign: z
    .strictObject({ ...version, assignee_id: id.optional(), team_id: id.optional(), line: line.optional() })
    .refine((b) => b.assignee_id || b.team_id || b.line, {
      message: 'name an assignee_id, a team_id or a line',
      path: ['assignee_id'],
    }),
  take: z.strictObject({ ...version }),
  reply: z.strictObject({
    ...version,
    kind: z.enum(['comment', 'clarification', 'solution']),
    text: text.optional(),
  }),
  note: z.strictObject({ ...version, text }),
  'customer-reply': z.strictObject({ ...version, text: text.optional() }),
  escalate: z
    .strictObject({
      ...version,
      to_line: line.optional(),
      to_role: z.enum(['senior', 'manager']).optional(),
      reason: z.string().trim().min(1).max(1000),
      team_id: id.optional().describe('also assign the escalated ticket to this team'),
      assignee_id: id.optional().describe('also assign the escalated ticket to this person'),
    })
    .refine((b) => b.to_line || b.to_role, { message: 'name a to_line or a to_role', path: ['to_line'] }),
  resolve: z.strictObject({ ...version }),
  reopen: z.strictObject({ ...version }),
  close: z.strictObject({ ...version }),
  work: z.strictObject({ ...version, seconds: z.number().int().min(1).max(86_400) }),
  spam: z.strictObject({ ...version }),
  tag: z.strictObject({ ...version, tags: tags.min(1) }),
  prioritize: z.strictObject({ ...version, priority }),
} as const;

export type ActionName = keyof typeof actionBodies;
export const ACTION_NAMES = Object.keys(actionBodies) as ActionName[];
export type ActionBody<A extends ActionName> = z.infer<(typeof actionBodies)[A]>;
export type CreateBody = z.infer<typeof createBody>;
