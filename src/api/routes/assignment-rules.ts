import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Store } from '../../store/store.js';
import { assignmentRules, loadRules, RULES_KEY } from '../desk/assignment-rules.js';

export function assignmentRuleRoutes(store: Store): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/api/v1/assignment-rules', {
      config: { permission: 'tickets:read' },
      schema: { summary: 'Automatic assignment rules, in the order they are tried', tags: ['tickets'] },
      handler: async () => loadRules(store),
    });
    app.put('/api/v1/assignment-rules', {
      config: { permission: 'settings:write' },
      schema: {
        summary:
          'Replace the automatic assignment rules (supervisors): the first enabled rule that matches routes a new or newly classified, unassigned ticket',
        description:
          'A rule matches by channel, category, priority and tag (each a list; all given must hold) and routes to a team and/or line; `strategy` picks among available agents: round_robin (in turn), least_loaded (fewest open tickets) or team_only (no person). Assignments carry mode: auto.',
        tags: ['tickets'],
        body: assignmentRules,
      },
      handler: async (req) => {
        await store.putSetting(RULES_KEY, req.body);
        return loadRules(store);
      },
    });
  };
}
