import { atLocal, HOUR, isBusinessDay, isRestDay, localDay, MINUTE } from './clock.js';
import type { Agent, Org } from './organisation.js';
import { hash32, Rng } from './rng.js';
import type { Proc } from './scheduler.js';

/** live: takes calls and chats; written: e-mail, social, web and call-backs; office: L2/L3, supervisor. */
export type Duty = 'live' | 'written' | 'office';

export interface Slot {
  agent: Agent;
  start: number;
  end: number;
  duty: Duty;
  /** which of the desk's identical operator groups (one per default-sized desk) the shift belongs to */
  group: number;
}

/** A run of work between breaks; `end` moves later when a call runs past the planned break. */
export interface Stretch {
  start: number;
  end: number;
}

export interface Shift extends Slot {
  stretches: Stretch[];
  /** when the agent finishes the call in hand */
  freeAt: number;
}

type Template = 'N' | 'E' | 'D' | 'X' | 'M' | 'L';
/** Local minutes from midnight; the night shift runs 23:00–08:00. */
const TEMPLATES: Record<Template, readonly [number, number]> = {
  N: [23 * 60, 32 * 60],
  E: [7 * 60, 16 * 60],
  D: [9 * 60, 18 * 60],
  X: [10 * 60, 19 * 60],
  M: [11 * 60, 20 * 60],
  L: [14 * 60, 23 * 60],
};
// Day shifts staggered so that operators follow the expected calls and chats: 2–3 early in the morning,
// 6 at midday, 8 in the afternoon, 4–5 early in the evening, 2 late, 1 at night. Weekends and holidays
// get half as many, one of them on written duty (mail, social, call-backs).
const WORKDAY: readonly (readonly [Template, Duty])[] = [
  ['E', 'live'],
  ['E', 'live'],
  ['D', 'live'],
  ['X', 'live'],
  ['M', 'live'],
  ['M', 'live'],
  ['L', 'live'],
  ['L', 'live'],
];
const RESTDAY: readonly (readonly [Template, Duty])[] = [
  ['E', 'live'],
  ['X', 'live'],
  ['M', 'written'],
  ['L', 'live'],
];

const sec = (ms: number) => Math.round(ms / 1000) * 1000;

/** Who works when: a fixed rota computed from the day number alone, so any day can be asked about. */
export class Roster {
  private readonly slotCache = new Map<number, Slot[]>();
  private readonly hourCache = new Map<number, { all: Agent[]; written: Agent[] }>();
  /** a desk `scale` times the default runs that many identical groups of operators */
  readonly copies: number;

  constructor(
    private readonly org: Org,
    scale: number,
    private readonly seed: number,
  ) {
    this.copies = Math.max(1, Math.round(scale));
  }

  /** First-line shifts starting on a local day. */
  l1Slots(day: number): Slot[] {
    const hit = this.slotCache.get(day);
    if (hit) return hit;
    const out: Slot[] = [];
    const at = (t: Template) => TEMPLATES[t].map((m) => atLocal(day, m)) as [number, number];
    const [ns, ne] = at('N');
    for (const [group, agent] of this.org.nightCrews[Math.floor(day / 2) % 2]!.entries())
      out.push({ agent, start: ns, end: ne, duty: 'live', group });
    const crew = this.org.dayCrew;
    let j = 0;
    for (const [t, duty] of isRestDay(day) ? RESTDAY : WORKDAY) {
      for (let c = 0; c < this.copies; c++, j++) {
        const [start, end] = at(t);
        out.push({
          agent: crew[(((j + 3 * this.copies * day) % crew.length) + crew.length) % crew.length]!,
          start,
          end,
          duty,
          group: c,
        });
      }
    }
    if (this.slotCache.size > 64) this.slotCache.clear();
    this.slotCache.set(day, out);
    return out;
  }

  /** Office hours of the second and third lines and the supervisor, on business days. */
  officeSlots(day: number): Slot[] {
    if (!isBusinessDay(day)) return [];
    const people = [this.org.supervisor, ...Object.values(this.org.specialists).flat()];
    return people.map((agent, i) => {
      const h = hash32(this.seed, day, i);
      const start = sec(atLocal(day, 9 * 60 - 15 + (h % 25)));
      const end = sec(atLocal(day, 18 * 60 - 5 + ((h >>> 8) % 30)));
      return { agent, start, end, duty: 'office' as const, group: 0 };
    });
  }

  /** First-line operators whose shift covers the instant (breaks ignored), for work planned ahead. */
  onShiftAt(t: number): { all: Agent[]; written: Agent[] } {
    const key = Math.floor(t / HOUR);
    const hit = this.hourCache.get(key);
    if (hit) return hit;
    const day = localDay(t);
    const slots = [...this.l1Slots(day - 1), ...this.l1Slots(day)].filter((s) => s.start <= t && t < s.end);
    const entry = {
      all: slots.map((s) => s.agent),
      written: slots.filter((s) => s.duty === 'written').map((s) => s.agent),
    };
    if (this.hourCache.size > 512) this.hourCache.clear();
    this.hourCache.set(key, entry);
    return entry;
  }

  /** The shifts that start on a local day, with their planned breaks; none before `notBefore`. */
  shifts(day: number, notBefore: number): Shift[] {
    const out: Shift[] = [];
    for (const slot of [...this.l1Slots(day), ...this.officeSlots(day)]) {
      if (slot.end <= notBefore + HOUR) continue;
      const start = sec(Math.max(slot.start, notBefore));
      const rng = new Rng(this.seed, 0x5417, day, slot.agent.serial);
      out.push({
        ...slot,
        start,
        stretches: planStretches(start, sec(slot.end), rng, slot.agent.discipline),
        freeAt: 0,
      });
    }
    return out;
  }
}

/**
 * Work stretches of one shift. Disciplined stretches last 48–66 minutes before a 10–15 minute break (the
 * seed's rule: a break every 60–70 minutes); the others run 72–110 minutes. One longer meal break three to
 * five hours into a long shift.
 */
export function planStretches(start: number, end: number, rng: Rng, discipline: number): Stretch[] {
  const out: Stretch[] = [];
  let t = start;
  let meal = end - start >= 7 * HOUR;
  // Meal times spread between three and five hours into the shift, so colleagues do not eat together.
  const mealAfter = rng.between(3, 5) * HOUR;
  for (;;) {
    const disciplined = rng.chance(discipline);
    // The first stretch varies most, so that operators starting together do not all break together.
    const shortest = t === start ? 25 : 48;
    let len = (disciplined ? rng.between(shortest, 66) : rng.between(72, 110)) * MINUTE;
    const remaining = end - t;
    if (remaining <= (disciplined ? 70 * MINUTE : len)) {
      out.push({ start: t, end });
      return out;
    }
    const takeMeal = meal && t + len - start >= mealAfter;
    const pause = (takeMeal ? rng.between(30, 45) : rng.between(10, 15)) * MINUTE;
    // Not enough left for a full stretch after this one: split what is left in two.
    if (remaining - len - pause < 40 * MINUTE) len = (remaining - pause) / 2;
    const stop = sec(t + len);
    out.push({ start: t, end: stop });
    if (takeMeal) meal = false;
    t = sec(stop + pause);
  }
}

/** The agent's statuses over a shift: available, break / available per stretch, offline at the end. */
export function* shiftProc(shift: Shift): Proc {
  const agent_id = shift.agent.id;
  yield { at: shift.stretches[0]!.start, body: { type: 'agent.status', agent_id, status: 'available' } };
  for (let k = 0; ; k++) {
    // A call taken near the end of a stretch pushes the break back: wake up, look again.
    let at = shift.stretches[k]!.end;
    for (;;) {
      yield { at };
      if (shift.stretches[k]!.end === at) break;
      at = shift.stretches[k]!.end;
    }
    const next = shift.stretches[k + 1];
    if (!next) {
      yield { at, body: { type: 'agent.status', agent_id, status: 'offline' } };
      return;
    }
    yield { at, body: { type: 'agent.status', agent_id, status: 'break' } };
    yield { at: next.start, body: { type: 'agent.status', agent_id, status: 'available' } };
  }
}
