import type { FastifyPluginAsync } from 'fastify';
import { assertCountry } from '../../ingest/customers/phone.js';
import { DEFAULT_FIRST_LINE, type FirstLineConfig } from '../../ingest/first-line-config.js';
import type { Store } from '../../store/store.js';
import type { AuthContext } from '../auth/context.js';
import { breakRoutes } from './breaks.js';
import { callbackRoutes } from './callbacks.js';
import { customerRoutes } from './customers.js';
import { ratingRoutes } from './ratings.js';
import { telephonyRoutes } from './telephony.js';
import { telephonyCallRoutes } from './telephony-calls.js';

/** The first line's tools (issue 9): telephony and screen pop, customers, rating links, call-backs, breaks. */
export function firstLineRoutes(
  store: Store,
  given?: Partial<FirstLineConfig>,
  now: () => number = Date.now,
  auth?: AuthContext,
): FastifyPluginAsync {
  const config = { ...DEFAULT_FIRST_LINE, ...given };
  assertCountry(config.defaultCountry);
  return async (app) => {
    await app.register(telephonyRoutes(store, config, now, auth));
    await app.register(telephonyCallRoutes(store, config));
    await app.register(customerRoutes(store, config, now));
    await app.register(ratingRoutes(store, config, now));
    await app.register(callbackRoutes(store, config, now));
    await app.register(breakRoutes(store, now));
  };
}
