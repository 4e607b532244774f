import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { installErrorHandling } from '../../src/api/errors.js';
import { eventRoutes } from '../../src/api/routes/events.js';
import { firstLineRoutes } from '../../src/api/routes/first-line.js';
import type { FirstLineConfig } from '../../src/ingest/first-line-config.js';
import type { Store } from '../../src/store/store.js';

export const PBX_TOKEN = 'pbx-secret-token';

/** The first-line routes over a store, served as the app serves them (zod, error shape, JSON-only API). */
export async function firstLineApp(
  store: Store,
  config: Partial<FirstLineConfig> = {},
  now?: () => number,
): Promise<FastifyInstance> {
  const app = Fastify();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.removeContentTypeParser('text/plain');
  installErrorHandling(app);
  await app.register(eventRoutes(store));
  await app.register(firstLineRoutes(store, { telephonyToken: PBX_TOKEN, ...config }, now));
  return app;
}
