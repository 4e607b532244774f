import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DomainEvent } from '../domain/events.js';
import { IngestError, type ValidBatch } from './validate.js';
import type { WorkerReply } from './validate-worker.js';

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve(b: ValidBatch): void; reject(e: unknown): void }>;
}

/**
 * Worker threads that parse and validate event batches sent as JSON text, so the thread that writes to the
 * store does not spend its time in JSON and schema checks (on SQLite every write runs in that one thread).
 * The same validateBatchText runs in them as in-thread, so answers and refusals are identical.
 */
export class ValidationPool {
  private readonly slots: Slot[] = [];
  private next = 1;

  constructor(readonly size: number) {}

  validate(text: string): Promise<ValidBatch> {
    return this.send(this.slot(), text);
  }

  /** Starts every worker and waits until each has loaded its schemas, so the first batches do not wait. */
  async warm(): Promise<void> {
    while (this.slots.length < this.size) this.start();
    // an empty batch is refused at once, after the worker's modules have loaded
    await Promise.all(this.slots.map((slot) => this.send(slot, '[]').catch(() => undefined)));
  }

  private send(slot: Slot, text: string): Promise<ValidBatch> {
    const id = this.next++;
    return new Promise<ValidBatch>((resolve, reject) => {
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, text });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.slots.splice(0).map((s) => s.worker.terminate()));
  }

  /** the least busy worker, started when fewer than `size` are running */
  private slot(): Slot {
    const idle = this.slots.find((s) => s.pending.size === 0);
    if (idle) return idle;
    if (this.slots.length < this.size) return this.start();
    return this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
  }

  private start(): Slot {
    // Run from TypeScript sources (tsx, vitest), the worker registers tsx's loader before it loads its module;
    // built, it is plain JavaScript.
    const fromSource = import.meta.url.endsWith('.ts');
    const entry = JSON.stringify(
      new URL(`./validate-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url).href,
    );
    const code = fromSource
      ? `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${entry}); })`
      : `import(${entry})`;
    const worker = new Worker(code, { eval: true });
    const slot: Slot = { worker, pending: new Map() };
    worker.unref();
    worker.on('message', (reply: WorkerReply) => {
      const waiting = slot.pending.get(reply.id);
      if (!waiting) return;
      slot.pending.delete(reply.id);
      if (slot.pending.size === 0) worker.unref();
      if (reply.ok)
        waiting.resolve({ events: JSON.parse(reply.json) as DomainEvent[], bodies: reply.bodies });
      else if ('refusal' in reply) {
        const r = reply.refusal;
        waiting.reject(new IngestError(r.code, r.message, r.details));
      } else waiting.reject(new Error(`event validation failed in its worker: ${reply.failure}`));
    });
    const fail = (err: unknown) => {
      const i = this.slots.indexOf(slot);
      if (i >= 0) this.slots.splice(i, 1);
      for (const w of slot.pending.values()) w.reject(err);
      slot.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`the event validation worker stopped (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }
}

/** tsx's ESM loader API, found from this package (a worker evaluating code resolves from nowhere in particular) */
function tsxApi(): string {
  const pkg = createRequire(import.meta.url).resolve('tsx/package.json');
  return pathToFileURL(join(dirname(pkg), 'dist/esm/api/index.mjs')).href;
}

let shared: ValidationPool | undefined;

/** One pool per process: a core for the writing thread, the others (at most four) for validation. */
export function sharedValidationPool(): ValidationPool {
  shared ??= new ValidationPool(Math.max(1, Math.min(4, availableParallelism() - 1)));
  return shared;
}
