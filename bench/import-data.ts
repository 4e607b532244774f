// Generators of the import benchmark's files: `rows` rows of each format, deterministic, written in
// chunks with back-pressure (a million rows never sit in memory). Each file's shape follows the samples
// and mappings in examples/, so the benchmark imports them with the shipped mappings.

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
// the seeded generator the property tests use, so every run writes the same file
import { rng } from '../test/support/random-history.js';

const T0 = Date.parse('2025-01-06T08:00:00Z');
const MIN = 60_000;

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (ms: number) => new Date(ms).toISOString();
/** UTC wall-clock text in a few formats the mappings read (the generated mappings use UTC). */
const ymdHm = (ms: number) => iso(ms).slice(0, 16).replace('T', ' ');
const dmyHm = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};
const dmy = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
};
const hms = (ms: number) => iso(ms).slice(11, 19);

async function writeLines(path: string, rows: number, header: string | null, line: (i: number) => string[]) {
  const out = createWriteStream(path);
  let chunk: string[] = header === null ? [] : [header];
  let written = 0;
  for (let i = 0; written < rows; i++) {
    for (const l of line(i)) {
      if (written >= rows) break;
      chunk.push(l);
      written++;
    }
    if (chunk.length >= 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await once(out, 'drain');
      chunk = [];
    }
  }
  out.end(chunk.length ? `${chunk.join('\n')}\n` : '');
  await once(out, 'finish');
}

const AGENTS = Array.from({ length: 60 }, (_, i) => `agent${i}`);
const TEAMS = ['Service Desk', 'Billing 2nd line', 'Logistics 2nd line', 'Platform 3rd line'];

/** One row per ticket, the header and formats of examples/samples/tickets.csv (times read as UTC). */
export function ticketsCsv(path: string, rows: number) {
  const r = rng(1);
  const header =
    'Ticket,Created,Channel,Priority,Category,Tags,Requester,Subject,First reply,Assigned,Agent,Team,Resolved,Closed,Rating';
  return writeLines(path, rows, header, (i) => {
    const created = T0 + i * 30_000;
    const reply = created + Math.round(r() * 240) * MIN;
    const resolved = r() < 0.9 ? ymdHm(reply + Math.round(r() * 2000) * MIN) : '';
    const rating = resolved && r() < 0.3 ? (r() < 0.8 ? 'Good' : 'Bad') : '';
    const agent = AGENTS[i % AGENTS.length];
    return [
      `T${i},${ymdHm(created)},${['E-mail', 'Phone', 'Web form'][i % 3]},Normal,Category ${i % 20},"a, b",c${i % 50_000}@example.com,Subject ${i},${ymdHm(reply)},${ymdHm(created + 5 * MIN)},${agent},${TEAMS[i % 4]},${resolved},,${rating}`,
    ];
  });
}

/** Process-mining rows, five activities per case. */
export function eventLog(path: string, rows: number) {
  return writeLines(path, rows, 'case,activity,timestamp,resource,group', (c) => {
    const t = T0 + c * 150_000;
    const who = AGENTS[c % AGENTS.length];
    const group = TEAMS[c % 4];
    return ['Register', 'Take', 'Answer', 'Solve', 'Close'].map(
      (a, k) => `C${c},${a},${iso(t + k * 17 * MIN)},${who},${group}`,
    );
  });
}

export const EVENT_LOG_MAPPING = {
  description: 'the import benchmark’s event log',
  columns: {
    case: 'case',
    activity: 'activity',
    timestamp: 'timestamp',
    resource: 'resource',
    group: 'group',
  },
  activities: [
    { activity: 'Register', event: 'ignore' },
    { activity: 'Take', event: 'ticket.assigned' },
    { activity: 'Answer', event: 'ticket.replied', kind: 'solution' },
    { activity: 'Solve', event: 'ticket.resolved' },
    { activity: 'Close', event: 'ticket.closed' },
  ],
  lines: {
    rules: [
      { pattern: '2nd', line: 2 },
      { pattern: '3rd', line: 3 },
    ],
    default: 1,
  },
};

const SN_COLUMNS =
  'number,incident_state,active,reassignment_count,reopen_count,sys_mod_count,made_sla,caller_id,opened_by,opened_at,sys_created_by,sys_created_at,sys_updated_by,sys_updated_at,contact_type,location,category,subcategory,u_symptom,cmdb_ci,impact,urgency,priority,assignment_group,assigned_to,knowledge,u_priority_confirmation,notify,problem_id,rfc,vendor,caused_by,closed_code,resolved_by,resolved_at,closed_at';

/** ServiceNow audit rows, eight updates per incident (New, Active ×4, Resolved, Active, Closed). */
export function servicenow(path: string, rows: number) {
  const states = ['New', 'Active', 'Active', 'Awaiting User Info', 'Active', 'Resolved', 'Closed', 'Closed'];
  return writeLines(path, rows, SN_COLUMNS, (n) => {
    const opened = T0 + n * 4 * MIN;
    const closed = dmyHm(opened + 3 * 24 * 60 * MIN);
    return states.map((state, k) => {
      const assignee = k === 0 ? '?' : `Resolver ${(n + (k > 3 ? 1 : 0)) % 200}`;
      const category = k < 4 ? `Category ${n % 50}` : `Category ${(n + 1) % 50}`;
      return `INC${n},${state},true,0,0,${k},true,Caller ${n % 5000},Opened by ${n % 90},${dmyHm(opened)},Created by 1,${dmyHm(opened)},Updated by ${k},${dmyHm(opened + k * 37 * MIN)},${['Phone', 'Email', 'Self service'][n % 3]},Location 1,${category},Subcategory 1,Symptom 1,?,2 - Medium,2 - Medium,3 - Moderate,Group ${n % 30},${assignee},false,false,Do Not Notify,?,?,?,?,code 1,Resolved by ${n % 200},${dmyHm(opened + 5 * 37 * MIN)},${closed}`;
    });
  });
}

/** Zendesk tickets with metric sets, one JSON per line. */
export function zendesk(path: string, rows: number) {
  const r = rng(3);
  return writeLines(path, rows, null, (i) => {
    const created = T0 + i * 30_000;
    const reply = Math.round(r() * 300);
    const first = reply + Math.round(r() * 3000);
    const reopens = r() < 0.1 ? 1 : 0;
    const full = first + reopens * 1440;
    const ticket = {
      id: i + 1,
      via: { channel: ['email', 'web', 'chat', 'voice'][i % 4] },
      created_at: iso(created),
      updated_at: iso(created + (full + 5) * MIN),
      subject: `Subject ${i}`,
      status: 'solved',
      priority: 'normal',
      requester_id: 100_000 + (i % 50_000),
      assignee_id: 500 + (i % 60),
      group_id: 70 + (i % 4),
      tags: ['bench', `t${i % 10}`],
      satisfaction_rating: { score: r() < 0.3 ? 'good' : 'offered' },
      metric_set: {
        reopens,
        replies: 2,
        assignee_stations: 1,
        group_stations: 1,
        initially_assigned_at: iso(created + 3 * MIN),
        assigned_at: iso(created + 3 * MIN),
        solved_at: iso(created + full * MIN),
        reply_time_in_minutes: { calendar: reply, business: reply },
        first_resolution_time_in_minutes: { calendar: first, business: first },
        full_resolution_time_in_minutes: { calendar: full, business: full },
      },
    };
    return [JSON.stringify(ticket)];
  });
}

/** PBX rows, the header and formats of examples/samples/calls.csv (times read in Moscow). */
export function callRecords(path: string, rows: number) {
  const r = rng(4);
  const header = 'Call,Date,Time,Caller,Queue,Queued,Left queue,Answered,Ended,Talk,Hold,Wrap,Agent,Result';
  return writeLines(path, rows, header, (i) => {
    const at = T0 + i * 20_000;
    const queued = at + 20_000;
    const wait = Math.round(r() * 120) * 1000;
    const abandoned = r() < 0.08;
    const talk = 60 + Math.round(r() * 400);
    const end = queued + wait + (abandoned ? 0 : talk * 1000);
    const code = abandoned ? 'ABANDON' : i % 500 === 0 ? 'TEST' : 'ANSWERED';
    const answered = abandoned ? '' : hms(queued + wait);
    const agent = abandoned ? '' : AGENTS[i % AGENTS.length];
    return [
      `K${i},${dmy(at)},${hms(at)},+7999${String(i % 1_000_000).padStart(7, '0')},q${i % 3},${hms(queued)},${hms(queued + wait)},${answered},${hms(end)},${abandoned ? '' : talk},${abandoned ? '' : 10},${abandoned ? '' : 30},${agent},${code}`,
    ];
  });
}

/** Our own events: a ticket's creation, reply and resolution, one JSON per line. */
export function eventsNdjson(path: string, rows: number) {
  return writeLines(path, rows, null, (i) => {
    const t = T0 + i * 30_000;
    const id = `N${i}`;
    return [
      JSON.stringify({ id: `${id}-c`, type: 'ticket.created', at: iso(t), ticket_id: id, channel: 'email' }),
      JSON.stringify({
        id: `${id}-r`,
        type: 'ticket.replied',
        at: iso(t + 20 * MIN),
        ticket_id: id,
        by: AGENTS[i % 60],
        kind: 'comment',
      }),
      JSON.stringify({
        id: `${id}-s`,
        type: 'ticket.resolved',
        at: iso(t + 90 * MIN),
        ticket_id: id,
        by: AGENTS[i % 60],
      }),
    ];
  });
}
