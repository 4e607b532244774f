import { chunk } from '../../store/chunks.js';
import type { Store } from '../../store/store.js';
import { streamId } from '../../store/streams.js';
import { type CallChange, isCallStream, readCallChanges } from './call-changes.js';

export interface TicketChange {
  seq: number;
  ticket_id: string;
  /** the event types of this change, in log order */
  types: string[];
  status: string | null;
  version: number | null;
  assignee_id: string | null;
  team_id: string | null;
  line: number | null;
  updated_at: string | null;
}

/** Ticket changes, and the PBX calls whose contact events were appended (for the screen pop). */
type Listener = (changes: readonly TicketChange[], calls: readonly CallChange[]) => void;

/** PostgreSQL writers may commit out of sequence order: positions this far back are read again (and de-duplicated). */
const LOOKBACK = 1000;

/**
 * Tells subscribers which tickets changed, whoever changed them (actions, ingest, imports, other server
 * processes), and which calls moved: it follows the event log by position (one poll for all listeners),
 * polling only while someone listens, and at once when nudged by a local write.
 */
export class TicketStreamHub {
  private listeners = new Set<Listener>();
  private cursor: number | null = null;
  private seen = new Set<number>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly store: Store,
    private readonly intervalMs = 1000,
  ) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (!this.timer) this.timer = setInterval(() => this.nudge(), this.intervalMs);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Poll now (after a local write); polls never overlap, a nudge during one runs another after it. */
  nudge(): Promise<void> {
    if (this.listeners.size === 0) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.poll().catch(() => undefined);
      } while (this.again);
      this.running = null;
    })();
    return this.running;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.cursor = null;
    this.seen.clear();
  }

  private async poll(): Promise<void> {
    const db = this.store.db;
    if (this.cursor === null) {
      const row = await db
        .selectFrom('events')
        .select((eb) => eb.fn.max('seq').as('m'))
        .executeTakeFirst();
      this.cursor = Number(row?.m ?? 0);
      return;
    }
    const rows = await db
      .selectFrom('events')
      .select(['seq', 'type', 'stream', 'ticket_id'])
      .where('seq', '>', Math.max(0, this.cursor - LOOKBACK))
      .orderBy('seq')
      .limit(5000)
      .execute();
    const byTicket = new Map<string, { seq: number; types: string[] }>();
    const byCall = new Map<string, { seq: number; types: string[] }>();
    for (const r of rows) {
      const seq = Number(r.seq);
      if (this.seen.has(seq) || seq <= this.cursor - LOOKBACK) continue;
      this.seen.add(seq);
      this.cursor = Math.max(this.cursor, seq);
      if (isCallStream(r.stream)) {
        const contact = streamId(r.stream);
        const call = byCall.get(contact) ?? { seq, types: [] };
        call.seq = seq;
        call.types.push(r.type);
        byCall.set(contact, call);
      }
      const ticket = r.stream.startsWith('ticket:') ? streamId(r.stream) : r.ticket_id;
      if (!ticket) continue;
      const entry = byTicket.get(ticket) ?? { seq, types: [] };
      entry.seq = seq;
      entry.types.push(r.type);
      byTicket.set(ticket, entry);
    }
    for (const s of this.seen) if (s <= this.cursor - LOOKBACK) this.seen.delete(s);
    const calls = await readCallChanges(db, byCall);
    if (byTicket.size === 0 && calls.length === 0) return;
    const tickets = [];
    for (const part of chunk([...byTicket.keys()], 900))
      tickets.push(
        ...(await db
          .selectFrom('tickets')
          .select(['ticket_id', 'status', 'version', 'assignee_id', 'team_id', 'line', 'updated_at'])
          .where('ticket_id', 'in', part)
          .execute()),
      );
    const state = new Map(tickets.map((t) => [t.ticket_id, t]));
    const changes: TicketChange[] = [...byTicket].map(([ticket_id, { seq, types }]) => {
      const t = state.get(ticket_id);
      return {
        seq,
        ticket_id,
        types,
        status: t?.status ?? null,
        version: t ? Number(t.version) : null,
        assignee_id: t?.assignee_id ?? null,
        team_id: t?.team_id ?? null,
        line: t?.line ?? null,
        updated_at: t ? new Date(Number(t.updated_at)).toISOString() : null,
      };
    });
    changes.sort((a, b) => a.seq - b.seq);
    for (const l of this.listeners) l(changes, calls);
  }
}
