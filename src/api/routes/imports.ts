import { createReadStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adapterFor, IMPORT_FORMATS } from '../../ingest/importers/formats.js';
import { MappingError } from '../../ingest/importers/types.js';
import type { Store } from '../../store/store.js';
import { HttpError } from '../errors.js';
import { ImportJobs } from '../imports/import-jobs.js';
import { saveUpload } from '../imports/upload.js';

/** How long the upload's answer waits for the header to be read, so a wrong mapping is a 400 at once. */
const HEADER_WAIT_MS = 5_000;
const MAX_FILE_BYTES = 16 * 1024 ** 3;

const TRUE = new Set(['1', 'true', 'yes', 'on']);

/**
 * `POST /api/v1/imports` (multipart: `file`, `format`, `mapping`, `tz`, `skip_bad`) starts an import in the
 * background through the same runner and ingest path as `firstline import`; `GET /api/v1/imports/:id`
 * shows its progress, summary and error (file, line, column, reason).
 */
export function importRoutes(store: Store, now: () => number = Date.now): FastifyPluginAsyncZod {
  return async (app) => {
    await app.register(multipart, {
      limits: { files: 2, fields: 10, fieldSize: 1024 ** 2, fileSize: MAX_FILE_BYTES },
    });
    const jobs = new ImportJobs(store, now);
    app.addHook('onClose', () => jobs.idle());
    const params = z.object({ id: z.string().min(1).max(100) });
    const missing = (id: string) => new HttpError(404, 'not_found', `no import ${id}`, { field: 'id' });

    app.post('/api/v1/imports', {
      config: { permission: 'events:write' },
      schema: {
        summary: `Upload an export and import it in the background (multipart/form-data: file, format — ${IMPORT_FORMATS.join(', ')} —, mapping, tz, skip_bad); poll the returned import`,
        tags: ['imports'],
        consumes: ['multipart/form-data'],
      },
      handler: async (req, reply) => {
        const upload = await saveUpload(req);
        const { format, tz, skip_bad: skipBad } = upload.fields;
        let adapter: Awaited<ReturnType<typeof adapterFor>>;
        try {
          if (!format) throw new MappingError('the field "format" is missing');
          adapter = await adapterFor(format, upload.mappingPath, { tz });
        } catch (err) {
          await rm(upload.folder, { recursive: true, force: true });
          if (err instanceof MappingError)
            throw new HttpError(400, 'invalid_mapping', err.message, { file: upload.fileName });
          throw err;
        }
        const { job, begun } = jobs.start({
          format,
          fileName: upload.fileName,
          path: upload.path,
          folder: upload.folder,
          adapter,
          skipBad: TRUE.has((skipBad ?? '').toLowerCase()),
        });
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([begun, new Promise((resolve) => (timer = setTimeout(resolve, HEADER_WAIT_MS)))]);
        clearTimeout(timer);
        // the header did not fit the mapping: nothing was written, and the client hears it now
        if (job.error?.code === 'invalid_mapping')
          throw new HttpError(400, 'invalid_mapping', job.error.message, job.error.details);
        reply.header('location', `/api/v1/imports/${job.id}`);
        return reply.code(202).send(job);
      },
    });

    app.get('/api/v1/imports/:id', {
      config: { permission: 'events:write' },
      schema: {
        summary: 'An import: state, progress (rows read, events written, rows/s), summary, error',
        tags: ['imports'],
        params,
      },
      handler: async (req) => jobs.get(req.params.id) ?? Promise.reject(missing(req.params.id)),
    });

    app.get('/api/v1/imports/:id/rejects', {
      config: { permission: 'events:write' },
      schema: {
        summary: 'The rows an import with skip_bad rejected (NDJSON: line, column, reason, row)',
        tags: ['imports'],
        params,
      },
      handler: async (req, reply) => {
        if (!jobs.get(req.params.id)) throw missing(req.params.id);
        const path = jobs.rejectsPath(req.params.id);
        reply.header('content-type', 'application/x-ndjson');
        return reply.send(path ? createReadStream(path) : '');
      },
    });
  };
}
