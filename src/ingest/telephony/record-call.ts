import type { DomainEventInput } from '../../domain/events.js';
import { keyed, loadStreams } from '../../store/load.js';
import type { Store } from '../../store/store.js';
import { type CallerCard, lookupCaller } from '../customers/lookup.js';
import { phoneKey } from '../customers/phone.js';
import { planCustomerUpsert } from '../customers/upsert-customer.js';
import { IngestError, ingest } from '../ingest.js';
import type { CallSignal } from './call-signal.js';
import { contactIdOf, planCallEvents } from './plan-call-events.js';

export interface CallOutcome {
  call_id: string;
  contact_id: string;
  /** contact (and first-contact customer) events stored by this push */
  appended: number;
  /** events this push would have made that were stored already (a repeated push) */
  duplicates: number;
  /** why nothing was recorded (an outbound call is no customer contact) */
  ignored?: string;
  caller: CallerCard;
}

/**
 * Records one PBX push: the caller becomes a customer on first contact (found by number otherwise), the
 * call's missing contact events are planned from what is stored and appended through the normal ingest
 * path. Two pushes of one call racing each other: the loser's batch conflicts and is planned once more.
 */
export async function recordCall(
  store: Store,
  signals: readonly CallSignal[],
  country: string,
): Promise<CallOutcome> {
  const first = signals[0]!;
  const contactId = contactIdOf(first.callId);
  const base = { call_id: first.callId, contact_id: contactId };
  if (first.direction === 'out') {
    return {
      ...base,
      appended: 0,
      duplicates: 0,
      ignored: 'outbound call: not a customer contact',
      caller: await lookupCaller(store.db, first.to, country),
    };
  }
  for (let attempt = 1; ; attempt++) {
    try {
      const { appended, duplicates } = await recordOnce(store, signals, contactId, country);
      // A later push may not repeat the number: the caller is the one the call's contact names.
      const number = first.from ?? (await callerOf(store, contactId)) ?? undefined;
      return { ...base, appended, duplicates, caller: await lookupCaller(store.db, number, country) };
    } catch (err) {
      if (!(err instanceof IngestError && err.code === 'conflict') || attempt >= 3) throw err;
    }
  }
}

async function recordOnce(store: Store, signals: readonly CallSignal[], contactId: string, country: string) {
  const first = signals[0]!;
  const stored =
    (await loadStreams(store.db, keyed('contact', [contactId]))).get(`contact:${contactId}`) ?? [];
  const number = first.from && /\d/.test(first.from) ? phoneKey(first.from, country) : undefined;
  const events: DomainEventInput[] = [];
  if (number && !stored.some((e) => e.event.type === 'contact.offered')) {
    const plan = await planCustomerUpsert(store.db, { phones: [number] }, country, first.at, () => '');
    if (plan.created)
      for (const e of plan.events) events.push({ ...e, id: `${plan.customerId}:first-contact` });
  }
  const resolved = await Promise.all(
    signals.map(async (s) => (s.agent ? { ...s, agent: await agentIdFor(store, s.agent) } : s)),
  );
  const storedEvents = stored.map((e) => ({ id: e.event.id, type: e.event.type, at: e.event.at }));
  const plan = planCallEvents(resolved, storedEvents, { customer: number });
  events.push(...plan.events);
  const fresh = await notStored(store, events);
  const repeated = plan.repeated + events.length - fresh.length;
  if (fresh.length === 0) return { appended: 0, duplicates: repeated };
  const outcome = await ingest(store, fresh);
  return { appended: outcome.appended, duplicates: repeated + outcome.duplicates };
}

async function callerOf(store: Store, contactId: string): Promise<string | null> {
  const row = await store.db
    .selectFrom('contacts')
    .select('customer')
    .where('contact_id', '=', contactId)
    .executeTakeFirst();
  return row?.customer ?? null;
}

/** A push names an agent by id, login, name or extension: an agent id or name that is known wins. */
async function agentIdFor(store: Store, who: string): Promise<string> {
  const byId = await store.db
    .selectFrom('agents')
    .select('agent_id')
    .where('agent_id', '=', who)
    .executeTakeFirst();
  if (byId) return byId.agent_id;
  // Agents are few; names are compared folded in JavaScript, which folds every script alike.
  const wanted = who.trim().toLowerCase();
  const byName = (
    await store.db.selectFrom('agents').select(['agent_id', 'name']).orderBy('agent_id').execute()
  ).find((a) => a.name?.toLowerCase() === wanted);
  return byName?.agent_id ?? who.trim();
}

/** The first push of an event wins: a repeat with another instant (PBXs resend) is a duplicate, not a conflict. */
async function notStored(store: Store, events: DomainEventInput[]): Promise<DomainEventInput[]> {
  if (events.length === 0) return events;
  const rows = await store.db
    .selectFrom('events')
    .select('id')
    .where(
      'id',
      'in',
      events.map((e) => e.id),
    )
    .execute();
  const have = new Set(rows.map((r) => r.id));
  return events.filter((e) => !have.has(e.id));
}
