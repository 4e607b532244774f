import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { FirstLineConfig } from '../ingest/first-line-config.js';
import type { Store } from '../store/store.js';
import type { AuthOptions } from './auth/context.js';
import { accountRoutes, installAuth, OPENAPI_SECURITY } from './auth/install.js';
import { helpDeskRoutes } from './desk/install.js';
import { installErrorHandling } from './errors.js';
import { alertRoutes } from './routes/alerts.js';
import { eventRoutes } from './routes/events.js';
import { exportRoutes } from './routes/exports.js';
import { firstLineRoutes } from './routes/first-line.js';
import { forecastRoutes } from './routes/forecast.js';
import { healthRoutes } from './routes/health.js';
import { importRoutes } from './routes/imports.js';
import { kpiRoutes } from './routes/kpis.js';
import { staffingRoutes } from './routes/staffing.js';
import { ticketRoutes } from './routes/tickets.js';
import { DEFAULT_WEB_ROOT, webRoutes } from './routes/web.js';

export interface AppOptions {
  store: Store;
  bodyLimit?: number;
  logger?: boolean;
  version?: string;
  /** the server's clock (tests drive it); actions and sessions take their instants from it */
  now?: () => number;
  /** believe X-Forwarded-For/-Proto from these proxies (true: every proxy); see Fastify's trustProxy */
  trustProxy?: boolean | string;
  auth?: AuthOptions;
  /** telephony, customers, rating links, call-backs, breaks (defaults: no PBX token, country RU) */
  firstLine?: Partial<FirstLineConfig>;
  /** parse and validate large event batches in worker threads (default true) */
  offThreadValidation?: boolean;
}

/** The HTTP API: routes validated by zod, documented by the OpenAPI file served at /api/docs. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const version = options.version ?? '0.1.0';
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 32 * 1024 * 1024,
    trustProxy: options.trustProxy ?? false,
  });
  const now = options.now ?? Date.now;
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only; anything else is refused with 415 rather than guessed at.
  app.removeContentTypeParser('text/plain');
  installErrorHandling(app);
  // Before any route: the guard gives every route registered after it its required permission.
  const auth = installAuth(app, options.store, now, options.auth);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Firstline API', description: 'Help desk events in, exact support KPIs out.', version },
      ...OPENAPI_SECURITY,
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(accountRoutes(auth));
  await app.register(eventRoutes(options.store, options.offThreadValidation ?? true));
  await app.register(ticketRoutes(options.store));
  await app.register(helpDeskRoutes(options.store, now));
  await app.register(healthRoutes(options.store, version));
  await app.register(kpiRoutes(options.store));
  await app.register(exportRoutes(options.store));
  await app.register(importRoutes(options.store));
  await app.register(firstLineRoutes(options.store, options.firstLine, now, auth));
  await app.register(staffingRoutes(options.store));
  await app.register(forecastRoutes(options.store));
  await app.register(alertRoutes(options.store));
  await app.register(webRoutes(DEFAULT_WEB_ROOT));
  return app;
}
