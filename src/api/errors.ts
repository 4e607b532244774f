import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { IngestError } from '../ingest/ingest.js';

export interface ErrorBody {
  error: { code: string; message: string; details: unknown };
}

/** A refusal the handler decided on (404, 409…), reported in the common error shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown = null,
  ) {
    super(message);
  }
}

const INGEST_STATUS: Record<IngestError['code'], number> = {
  invalid_event: 400,
  invalid_json: 400,
  empty_body: 400,
  unknown_reference: 400,
  empty_batch: 400,
  conflict: 409,
  batch_too_large: 413,
};

const FASTIFY_CODES: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'empty_body',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid_json',
};

export function body(code: string, message: string, details: unknown = null): ErrorBody {
  return { error: { code, message, details } };
}

/** Every error leaves as { error: { code, message, details } }; bad input is a 4xx, never a 5xx. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send(body('not_found', `no route ${req.method} ${req.url}`));
  });
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (err instanceof IngestError) {
      return reply.code(INGEST_STATUS[err.code]).send(body(err.code, err.message, err.details));
    }
    if (err instanceof HttpError)
      return reply.code(err.status).send(body(err.code, err.message, err.details));
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => ({
        field:
          v.instancePath.replace(/^\//, '').replaceAll('/', '.') ||
          (v.params as { issue?: { path?: unknown[] } })?.issue?.path?.join('.') ||
          '',
        message: v.message ?? 'invalid',
      }));
      const where = err.validationContext ?? 'request';
      return reply
        .code(400)
        .send(
          body(
            'invalid_request',
            `invalid ${where}: ${details.map((d) => `${d.field}: ${d.message}`).join('; ')}`,
            details,
          ),
        );
    }
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code = FASTIFY_CODES[err.code] ?? (err instanceof SyntaxError ? 'invalid_json' : 'bad_request');
      return reply.code(status).send(body(code, err.message, null));
    }
    req.log.error({ err }, 'request failed');
    return reply
      .code(500)
      .send(body('internal', 'the server failed to handle the request; see its log', null));
  });
}
