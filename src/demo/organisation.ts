import { calendarSpecs } from './clock.js';
import type { DemoChannel, TeamId } from './model.js';
import { COMPANIES, personName } from './names.js';
import { hash32, type Rng } from './rng.js';
import type { Proc } from './scheduler.js';

export type Role = 'agent' | 'senior' | 'supervisor';
export type SpecialistTeam = Exclude<TeamId, 'l1'>;

export interface Agent {
  id: string;
  name: string;
  line: 1 | 2 | 3;
  team: TeamId;
  role: Role;
  /** a number unique within the organisation (seeds the agent's own random stream) */
  serial: number;
  /** probability that a work stretch stays within 70 minutes (break compliance) */
  discipline: number;
}

export interface Org {
  /** first-line operators on day shifts (07:00–23:00) */
  dayCrew: Agent[];
  /** first-line operators on night shifts, two crews working two nights on, two off */
  nightCrews: [Agent[], Agent[]];
  supervisor: Agent;
  l1Senior: Agent;
  specialists: Record<SpecialistTeam, Agent[]>;
  customers: number;
}

const TEAMS: readonly (readonly [TeamId, string, string])[] = [
  ['l1', 'Первая линия', 'default'],
  ['l2-billing', 'Вторая линия: оплата и аккаунты', 'business'],
  ['l2-logistics', 'Вторая линия: доставка и возвраты', 'business'],
  ['l3-dev', 'Третья линия: разработка', 'business'],
];

/** Staff and customers for a desk `scale` times the default size (12 operators at 350 tickets a day). */
export function buildOrg(scale: number, seed: number): Org {
  let n = 0;
  const make = (prefix: string, k: number, line: 1 | 2 | 3, team: TeamId, role: Role = 'agent'): Agent => {
    const h = hash32(seed, 0xa9e, n);
    // Most people take their breaks; about one in five tends to work on past 70 minutes.
    const discipline = h % 5 === 0 ? 0.55 : 0.94;
    const serial = n++;
    const name = personName(serial * 5 + 3).name;
    return { id: `${prefix}-${String(k).padStart(2, '0')}`, name, line, team, role, serial, discipline };
  };
  const count = (base: number) => Math.max(base, Math.round(base * scale));
  const nDay = count(10);
  const crew = Math.max(1, Math.round(scale));
  const dayCrew = Array.from({ length: nDay }, (_, i) =>
    make('l1', i + 1, 1, 'l1', i === 0 ? 'senior' : 'agent'),
  );
  const night = Array.from({ length: 2 * crew }, (_, i) => make('l1', nDay + i + 1, 1, 'l1'));
  const team = (prefix: string, base: number, line: 2 | 3, id: SpecialistTeam) =>
    Array.from({ length: count(base) }, (_, i) =>
      make(prefix, i + 1, line, id, i === 0 ? 'senior' : 'agent'),
    );
  return {
    dayCrew,
    nightCrews: [night.slice(0, crew), night.slice(crew)],
    supervisor: make('sup', 1, 1, 'l1', 'supervisor'),
    l1Senior: dayCrew[0]!,
    specialists: {
      'l2-billing': team('bill', 4, 2, 'l2-billing'),
      'l2-logistics': team('log', 4, 2, 'l2-logistics'),
      'l3-dev': team('dev', 3, 3, 'l3-dev'),
    },
    customers: Math.max(500, Math.round(6000 * scale)),
  };
}

export function allAgents(org: Org): Agent[] {
  return [
    ...org.dayCrew,
    ...org.nightCrews.flat(),
    org.supervisor,
    ...org.specialists['l2-billing'],
    ...org.specialists['l2-logistics'],
    ...org.specialists['l3-dev'],
  ];
}

const OPERATORS = ['912', '916', '926', '903', '985', '921'];

export interface Customer {
  id: string;
  name: string;
  company: number;
  phone: string;
  email: string;
  handle: string;
}

/** Customer number i, derived from i alone so that any customer can be produced on demand. */
export function customerAt(i: number): Customer {
  const h = hash32(i, 0xc05) / 4294967296;
  const company = Math.min(COMPANIES.length - 1, Math.floor(COMPANIES.length * h ** 1.6));
  const person = personName(hash32(i, 0x9a3e) % 10_000);
  // 7919 is coprime with 10^7, so numbers stay distinct for the first ten million customers.
  const number = String((i * 7919 + 1_234_567) % 10_000_000).padStart(7, '0');
  return {
    id: `cust-${String(i + 1).padStart(5, '0')}`,
    name: person.name,
    company,
    phone: `+7${OPERATORS[i % OPERATORS.length]}${number}`,
    email: `${person.first}.${person.last}${i + 1}@${COMPANIES[company]![1]}`,
    handle: `@${person.first}_${person.last}_${i + 1}`,
  };
}

/** Who writes: regulars write often (a skewed pick); now and then a caller the directory does not know. */
export function customerRef(org: Org, rng: Rng, channel: DemoChannel): string {
  if (channel === 'phone' && rng.chance(0.08)) return `+7999${String(rng.int(10_000_000)).padStart(7, '0')}`;
  const c = customerAt(Math.floor(org.customers * rng.next() ** 1.5));
  if (channel === 'phone') return c.phone;
  if (channel === 'email') return c.email;
  if (channel === 'social') return c.handle;
  return c.id;
}

/** Organisation set-up events, all at one instant before the history starts. */
export function* setupProc(org: Org, at: number, fromDay: number, toDay: number): Proc {
  for (const spec of calendarSpecs(fromDay, toDay)) {
    yield {
      at,
      body: {
        type: 'calendar.defined',
        ...spec,
        name: spec.calendar_id === 'default' ? '24/7' : 'Пн–Пт 9–18',
      },
    };
  }
  for (const [team_id, name, calendar_id] of TEAMS)
    yield { at, body: { type: 'team.profile', team_id, name, calendar_id } };
  for (const [i, [name]] of COMPANIES.entries()) {
    yield { at, body: { type: 'company.profile', company_id: companyId(i), name: `ООО «${name}»` } };
  }
  for (const a of allAgents(org)) {
    yield {
      at,
      body: {
        type: 'agent.profile',
        agent_id: a.id,
        name: a.name,
        line: a.line,
        team_id: a.team,
        role: a.role,
      },
    };
  }
  for (let i = 0; i < org.customers; i++) {
    const c = customerAt(i);
    yield {
      at,
      body: {
        type: 'customer.profile',
        customer_id: c.id,
        name: c.name,
        company_id: companyId(c.company),
        phones: [c.phone],
        emails: [c.email],
        handles: [c.handle],
      },
    };
  }
}

export const companyId = (i: number): string => `co-${String(i + 1).padStart(2, '0')}`;
