import { existsSync, statSync } from 'node:fs';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

/** dist/web of this package, from src/api/routes (tsx) and dist/api/routes (built) alike. */
export const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../../dist/web', import.meta.url));

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Firstline</title>
<body style="font-family:system-ui,sans-serif;max-width:640px;margin:48px auto;line-height:1.5">
<h1>The dashboard is not built yet</h1>
<p>Run <code>npm run build:web</code> (or <code>npm run build</code>) and reload this page.
The API is up meanwhile: see <a href="/api/docs">/api/docs</a>.</p>`;

/** The file under root that a URL path names, or null (no such file, a folder, or a way out of root). */
function fileIn(root: string, urlPath: string): string | null {
  let rel: string;
  try {
    rel = normalize(decodeURIComponent(urlPath)).replace(/^[/\\]+/, '');
  } catch {
    return null;
  }
  if (rel === '' || rel.split(sep).includes('..') || rel.includes('\0')) return null;
  const full = join(root, rel);
  try {
    return statSync(full).isFile() ? rel : null;
  } catch {
    return null;
  }
}

/**
 * The dashboard (web/, built by `npm run build:web` into dist/web) at `/`. Files are looked up per
 * request, so a rebuild needs no restart; hashed assets are cached for good, index.html never. Any
 * other GET outside /api gets index.html, so a shared link such as /kpi/fcr?period=7d opens the app.
 */
export function webRoutes(root: string): FastifyPluginAsync {
  return async (app) => {
    // only for reply.sendFile (path checks, ranges, ETags, content types); routing is ours
    await app.register(fastifyStatic, { root, serve: false, cacheControl: false });
    const handler = async (req: FastifyRequest, reply: FastifyReply) => {
      const path = req.url.split('?')[0] ?? '/';
      // the API answers its own 404s in its error shape
      if (path === '/api' || path.startsWith('/api/')) return reply.callNotFound();
      const file = fileIn(root, path);
      if (file && file !== 'index.html') {
        const hashed = file.startsWith(`assets${sep}`);
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
        return reply.sendFile(file);
      }
      // a missing build file is a 404, not the app's page
      if (path.startsWith('/assets/')) return reply.callNotFound();
      if (!existsSync(join(root, 'index.html')))
        return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    };
    app.get('/', { schema: { hide: true } }, handler);
    app.get('/*', { schema: { hide: true } }, handler);
  };
}
