import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { HttpError } from '../errors.js';

export interface Upload {
  folder: string;
  /** the data file on disk and the name the client gave it */
  path: string;
  fileName: string;
  mappingPath: string | undefined;
  fields: Record<string, string>;
}

const FIELDS = new Set(['format', 'tz', 'skip_bad', 'mapping']);

/**
 * Saves a multipart upload to a fresh temporary folder, streaming (a file of any size takes no memory):
 * the part `file` is the export, `mapping` the mapping (a file part or a text field), the rest are fields.
 */
export async function saveUpload(req: FastifyRequest): Promise<Upload> {
  if (!req.isMultipart()) {
    throw new HttpError(415, 'unsupported_media_type', 'send multipart/form-data with a part "file"');
  }
  const folder = await mkdtemp(join(tmpdir(), 'firstline-import-'));
  const fields: Record<string, string> = {};
  let path: string | undefined;
  let fileName = 'upload';
  let mappingPath: string | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file' && part.fieldname !== 'mapping') {
          part.file.resume();
          throw new HttpError(400, 'invalid_request', `unknown file part ${JSON.stringify(part.fieldname)}`, {
            field: part.fieldname,
          });
        }
        const name = basename(part.filename || part.fieldname);
        // keep a .gz ending: the runner also knows gzip by its magic bytes, but the name says it plainly
        const target = join(folder, `${part.fieldname}${extname(name).replace(/[^.\w]/g, '')}`);
        await pipeline(part.file, createWriteStream(target));
        if (part.file.truncated) {
          throw new HttpError(
            413,
            'body_too_large',
            `the part ${JSON.stringify(part.fieldname)} is too large`,
          );
        }
        if (part.fieldname === 'file') [path, fileName] = [target, name];
        else mappingPath = target;
      } else {
        if (!FIELDS.has(part.fieldname)) {
          throw new HttpError(400, 'invalid_request', `unknown field ${JSON.stringify(part.fieldname)}`, {
            field: part.fieldname,
          });
        }
        const value = String(part.value);
        if (part.fieldname === 'mapping') {
          mappingPath = join(folder, 'mapping.json');
          await writeFile(mappingPath, value);
        } else fields[part.fieldname] = value;
      }
    }
    if (!path)
      throw new HttpError(400, 'invalid_request', 'the part "file" (the export) is missing', {
        field: 'file',
      });
    return { folder, path, fileName, mappingPath, fields };
  } catch (err) {
    await rm(folder, { recursive: true, force: true });
    throw err;
  }
}
