import { parentPort } from 'node:worker_threads';
import { IngestError, validateBatchText } from './validate.js';

/** What the events route's batches are parsed and validated in, beside the thread that writes them. */
export type WorkerRequest = { id: number; text: string };
export type WorkerReply =
  | { id: number; ok: true; json: string; bodies: string[] }
  | { id: number; ok: false; refusal: Pick<IngestError, 'code' | 'message' | 'details'> }
  | { id: number; ok: false; failure: string };

parentPort?.on('message', ({ id, text }: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const { events, bodies } = validateBatchText(text);
    // one JSON text crosses to the writing thread faster than a structured clone of every event object
    reply = { id, ok: true, json: JSON.stringify(events), bodies };
  } catch (err) {
    reply =
      err instanceof IngestError
        ? { id, ok: false, refusal: { code: err.code, message: err.message, details: err.details } }
        : { id, ok: false, failure: err instanceof Error ? (err.stack ?? err.message) : String(err) };
  }
  parentPort?.postMessage(reply);
});
