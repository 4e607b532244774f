import { backlog } from './families/backlog.js';
import { breakCompliance } from './families/breaks.js';
import { contactCentre } from './families/contact-centre.js';
import { csat } from './families/csat.js';
import { dispatchQuality, resolvedRates } from './families/resolved-rates.js';
import { ticketDurations } from './families/ticket-durations.js';
import { volume } from './families/volume.js';
import type { Family } from './family.js';
import type { KpiId } from './types.js';

export type Text = { en: string; ru: string };
export type KpiGroup = 'speed_volume' | 'quality' | 'satisfaction' | 'contact_centre' | 'team';

export interface KpiDefinition {
  id: KpiId;
  number: number;
  kind: 'count' | 'rate' | 'duration';
  unit: 'contacts' | 'tickets' | 'seconds' | 'share' | 'stretches';
  group: KpiGroup;
  name: Text;
  definition: Text;
  formula: Text;
  reference: Text;
  /** fact columns it reads */
  facts: readonly string[];
  /** SPEC §5: no speed figure without its quality counterpart */
  counterparts: readonly KpiId[];
  /** which way is better, for trends; null when neither is */
  better: 'higher' | 'lower' | null;
  family: Family;
}

const t = (en: string, ru: string): Text => ({ en, ru });

export const KPIS: readonly KpiDefinition[] = [
  {
    id: 'contacts_offered',
    number: 1,
    kind: 'count',
    unit: 'contacts',
    group: 'speed_volume',
    family: contactCentre,
    better: null,
    counterparts: [],
    name: t('Contacts offered', 'Поступившие обращения'),
    definition: t(
      'Contacts that arrived on any channel: calls, chats, e-mails, social posts, web forms.',
      'Обращения, поступившие по любому каналу: звонки, чаты, письма, сообщения в соцсетях, веб-формы.',
    ),
    formula: t('count of contacts', 'число обращений'),
    reference: t('offered', 'поступление'),
    facts: ['contact_facts.offered_at', 'contact_facts.channel'],
  },
  {
    id: 'tickets_created',
    number: 2,
    kind: 'count',
    unit: 'tickets',
    group: 'speed_volume',
    family: volume,
    better: null,
    counterparts: [],
    name: t('Tickets created', 'Созданные заявки'),
    definition: t(
      'Tickets registered, by channel, category and tag.',
      'Зарегистрированные заявки по каналам, категориям и тегам.',
    ),
    formula: t('count of tickets', 'число заявок'),
    reference: t('created', 'создание'),
    facts: ['ticket_facts.created_at'],
  },
  {
    id: 'tickets_processed',
    number: 3,
    kind: 'count',
    unit: 'tickets',
    group: 'speed_volume',
    family: volume,
    better: 'higher',
    counterparts: ['fcr', 'correct_classification'],
    name: t('Tickets processed by L1', 'Заявки, обработанные первой линией'),
    definition: t(
      'Tickets whose first-line handling ended: resolved by L1, or dispatched (assigned to L2/L3 or escalated); in total, per agent and per agent-hour worked.',
      'Заявки, обработка которых первой линией завершена: решены первой линией или переданы (назначены на 2-ю/3-ю линию или эскалированы); всего, на оператора и на час работы.',
    ),
    formula: t(
      'count; per agent-hour = count ÷ hours worked by the agents who processed them',
      'число; на час работы = число ÷ отработанные часы этих операторов',
    ),
    reference: t('the resolution or dispatch', 'решение или передача'),
    facts: ['ticket_facts.l1_processed_at', 'ticket_facts.l1_outcome', 'agent_stretches'],
  },
  {
    id: 'first_response',
    number: 4,
    kind: 'duration',
    unit: 'seconds',
    group: 'speed_volume',
    family: ticketDurations,
    better: 'higher',
    counterparts: ['l1_resolution', 'fcr'],
    name: t('First response time', 'Время первого ответа'),
    definition: t(
      "From the ticket's start to the first public agent reply (comment, clarification or solution); for a ticket born from an answered call or chat, the live answer. Internal notes never count. Open tickets without a response are pending.",
      'От начала заявки до первого публичного ответа сотрудника (комментарий, уточнение, решение); для заявки из отвеченного звонка или чата — ответ оператора. Внутренние заметки не считаются. Открытые заявки без ответа — в ожидании.',
    ),
    formula: t(
      'first response − start; share within the channel and priority target',
      'первый ответ − начало; доля в пределах цели канала и приоритета',
    ),
    reference: t('first response', 'первый ответ'),
    facts: [
      'ticket_facts.first_response_at',
      'ticket_facts.first_response_s',
      'ticket_facts.first_response_bs',
    ],
  },
  {
    id: 'time_to_assign',
    number: 5,
    kind: 'duration',
    unit: 'seconds',
    group: 'speed_volume',
    family: ticketDurations,
    better: 'higher',
    counterparts: ['correct_assignment'],
    name: t('Time to assign', 'Время назначения'),
    definition: t(
      "From the ticket's start (for a phone ticket, the first ring) to its first assignment to an executor or team.",
      'От начала заявки (для телефонной — от первого звонка) до первого назначения исполнителю или группе.',
    ),
    formula: t('first assignment − start', 'первое назначение − начало'),
    reference: t('first assignment', 'первое назначение'),
    facts: ['ticket_facts.first_assigned_at', 'ticket_facts.assign_s', 'ticket_facts.assign_bs'],
  },
  {
    id: 'wait',
    number: 6,
    kind: 'duration',
    unit: 'seconds',
    group: 'contact_centre',
    family: contactCentre,
    better: 'higher',
    counterparts: ['abandonment'],
    name: t('Wait time (speed of answer)', 'Время ожидания ответа'),
    definition: t(
      'Answered − offered for phone and chat contacts, IVR time included; contacts still waiting are pending.',
      'Ответ − поступление для звонков и чатов, включая время в IVR; ещё ожидающие — в ожидании.',
    ),
    formula: t('answered − offered', 'ответ − поступление'),
    reference: t('answered', 'ответ'),
    facts: ['contact_facts.answered_at', 'contact_facts.wait_s'],
  },
  {
    id: 'abandonment',
    number: 7,
    kind: 'rate',
    unit: 'share',
    group: 'contact_centre',
    family: contactCentre,
    better: 'lower',
    counterparts: ['wait'],
    name: t('Abandonment rate', 'Доля потерянных обращений'),
    definition: t(
      'Abandoned ÷ (answered + abandoned) phone and chat contacts that asked for an agent. Abandons shorter than short_abandon_s (default 5 s from queue entry, else arrival) are left out of both sides; contacts that ended in the IVR are self-served.',
      'Потерянные ÷ (отвеченные + потерянные) звонки и чаты, запросившие оператора. Сбросы короче short_abandon_s (5 с от входа в очередь) не учитываются; завершившиеся в IVR — самообслуживание.',
    ),
    formula: t('abandoned ÷ (answered + abandoned)', 'потерянные ÷ (отвеченные + потерянные)'),
    reference: t('offered', 'поступление'),
    facts: ['contact_facts.outcome', 'contact_facts.abandon_wait_s'],
  },
  {
    id: 'handle_time',
    number: 8,
    kind: 'duration',
    unit: 'seconds',
    group: 'contact_centre',
    family: contactCentre,
    better: null,
    counterparts: ['fcr', 'reopen'],
    name: t('Average handle time', 'Среднее время обработки'),
    definition: t(
      'Talk + hold + wrap per handled contact; per ticket, the sum of logged work. Very short handle times are read next to FCR and reopen rate.',
      'Разговор + удержание + поствызывная обработка на обращение; для заявки — сумма учтённого времени работы. Смотреть вместе с FCR и повторными открытиями.',
    ),
    formula: t('mean of talk + hold + wrap', 'среднее (разговор + удержание + обработка)'),
    reference: t('contact ended / ticket resolved', 'завершение обращения / решение заявки'),
    facts: ['contact_facts.handle_s', 'ticket_facts.handle_s'],
  },
  {
    id: 'fcr',
    number: 9,
    kind: 'rate',
    unit: 'share',
    group: 'quality',
    family: resolvedRates,
    better: 'higher',
    counterparts: ['handle_time'],
    name: t('First contact resolution', 'Решение с первого обращения'),
    definition: t(
      'Resolved tickets solved within the first contact: no customer reply after the first response, at most one public reply, never reassigned or escalated before resolution, and not reopened within reopen_window (default 7 days). Tickets resolved without any response are left out.',
      'Решённые заявки, решённые за первый контакт: нет ответа клиента после первого ответа, не более одного публичного ответа, без переназначений и эскалаций до решения и без повторного открытия в течение reopen_window (7 дней). Заявки, решённые без ответа, не учитываются.',
    ),
    formula: t(
      'FCR tickets ÷ resolved tickets with a response',
      'решённые с первого раза ÷ решённые с ответом',
    ),
    reference: t('resolved', 'решение'),
    facts: ['ticket_facts.fcr_base', 'ticket_facts.first_reopen_gap_s'],
  },
  {
    id: 'l1_resolution',
    number: 10,
    kind: 'rate',
    unit: 'share',
    group: 'quality',
    family: resolvedRates,
    better: 'higher',
    counterparts: ['first_response'],
    name: t('L1 resolution rate', 'Доля решённых первой линией'),
    definition: t(
      'Resolved tickets resolved by line 1 and never escalated before resolution ÷ resolved tickets.',
      'Решённые первой линией без эскалации ÷ все решённые заявки.',
    ),
    formula: t('resolved by L1 ÷ resolved', 'решены 1-й линией ÷ решённые'),
    reference: t('resolved', 'решение'),
    facts: ['ticket_facts.l1_resolved'],
  },
  {
    id: 'correct_classification',
    number: 11,
    kind: 'rate',
    unit: 'share',
    group: 'quality',
    family: dispatchQuality,
    better: 'higher',
    counterparts: [],
    name: t('Correct classification rate', 'Доля верной классификации'),
    definition: t(
      'Tickets classified by L1 that were never reclassified ÷ tickets classified by L1.',
      'Заявки, классифицированные первой линией и не переклассифицированные ÷ классифицированные первой линией.',
    ),
    formula: t(
      'never reclassified ÷ classified by L1',
      'без переклассификации ÷ классифицированные 1-й линией',
    ),
    reference: t('resolved (or closed)', 'решение (или закрытие)'),
    facts: ['ticket_facts.classified_l1', 'ticket_facts.reclassify_count'],
  },
  {
    id: 'correct_assignment',
    number: 12,
    kind: 'rate',
    unit: 'share',
    group: 'quality',
    family: dispatchQuality,
    better: 'higher',
    counterparts: [],
    name: t('Correct assignment rate', 'Доля верных назначений'),
    definition: t(
      'Tickets assigned manually whose assignee never changed afterwards except through an escalation ÷ tickets assigned manually.',
      'Заявки, назначенные вручную, исполнитель которых не менялся (кроме эскалации) ÷ назначенные вручную.',
    ),
    formula: t('kept ÷ manually assigned', 'без переназначения ÷ назначенные вручную'),
    reference: t('resolved (or closed)', 'решение (или закрытие)'),
    facts: ['ticket_facts.manual_assigned', 'ticket_facts.manual_assignment_kept'],
  },
  {
    id: 'escalation',
    number: 13,
    kind: 'rate',
    unit: 'share',
    group: 'quality',
    family: resolvedRates,
    better: 'lower',
    counterparts: [],
    name: t('Escalation rate', 'Доля эскалаций'),
    definition: t(
      'Resolved tickets escalated at least once ÷ resolved tickets.',
      'Решённые заявки, эскалированные хотя бы раз ÷ решённые заявки.',
    ),
    formula: t('escalated ÷ resolved', 'эскалированные ÷ решённые'),
    reference: t('resolved', 'решение'),
    facts: ['ticket_facts.escalation_count'],
  },
  {
    id: 'resolution',
    number: 14,
    kind: 'duration',
    unit: 'seconds',
    group: 'speed_volume',
    family: ticketDurations,
    better: 'higher',
    counterparts: ['reopen', 'fcr'],
    name: t('Resolution time', 'Время решения'),
    definition: t(
      'Resolved − start for the first resolution (the final resolution after reopens is a second figure); "after dialogue" is the same over tickets not solved at first contact. Open tickets are pending.',
      'Решение − начало для первого решения (окончательное после повторных открытий — отдельно); «после диалога» — то же для заявок, не решённых с первого раза. Открытые — в ожидании.',
    ),
    formula: t('first resolution − start', 'первое решение − начало'),
    reference: t('resolved', 'решение'),
    facts: ['ticket_facts.first_resolved_at', 'ticket_facts.resolution_s', 'ticket_facts.final_resolution_s'],
  },
  {
    id: 'reopen',
    number: 15,
    kind: 'rate',
    unit: 'share',
    group: 'quality',
    family: resolvedRates,
    better: 'lower',
    counterparts: [],
    name: t('Reopen rate', 'Доля повторных открытий'),
    definition: t(
      'Resolved tickets reopened within reopen_window (default 7 days) of the resolution the reopen follows ÷ resolved tickets.',
      'Решённые заявки, открытые повторно в течение reopen_window (7 дней) после решения ÷ решённые заявки.',
    ),
    formula: t('reopened in window ÷ resolved', 'открыты повторно в окне ÷ решённые'),
    reference: t('resolved', 'решение'),
    facts: ['ticket_facts.min_reopen_gap_s'],
  },
  {
    id: 'csat',
    number: 16,
    kind: 'rate',
    unit: 'share',
    group: 'satisfaction',
    family: csat,
    better: 'higher',
    counterparts: [],
    name: t('Customer satisfaction (CSAT)', 'Удовлетворённость клиентов (CSAT)'),
    definition: t(
      "Satisfied share (scores 4–5 ÷ rated) and mean score (1–5), by rating channel; a ticket's latest rating counts.",
      'Доля довольных (оценки 4–5 ÷ оценённые) и средняя оценка (1–5) по каналам оценки; учитывается последняя оценка.',
    ),
    formula: t('scores 4–5 ÷ ratings; mean score', 'оценки 4–5 ÷ оценки; средняя оценка'),
    reference: t('rated', 'оценка'),
    facts: ['ticket_facts.rating_score', 'ticket_facts.rating_via'],
  },
  {
    id: 'rated',
    number: 17,
    kind: 'rate',
    unit: 'share',
    group: 'satisfaction',
    family: resolvedRates,
    better: 'higher',
    counterparts: [],
    name: t('Rated share', 'Доля оценённых'),
    definition: t(
      'Resolved tickets that got a rating ÷ resolved tickets.',
      'Решённые заявки с оценкой ÷ решённые заявки.',
    ),
    formula: t('rated ÷ resolved', 'оценённые ÷ решённые'),
    reference: t('resolved', 'решение'),
    facts: ['ticket_facts.rating_score'],
  },
  {
    id: 'callback',
    number: 18,
    kind: 'rate',
    unit: 'share',
    group: 'satisfaction',
    family: resolvedRates,
    better: 'higher',
    counterparts: [],
    name: t('Call-back share', 'Доля обзвона'),
    definition: t(
      'Resolved tickets whose customer was reached by a feedback call-back ÷ resolved tickets.',
      'Решённые заявки, по которым удалось дозвониться клиенту для обратной связи ÷ решённые заявки.',
    ),
    formula: t('reached call-backs ÷ resolved', 'успешный обзвон ÷ решённые'),
    reference: t('resolved', 'решение'),
    facts: ['ticket_facts.callback_reached'],
  },
  {
    id: 'backlog',
    number: 19,
    kind: 'count',
    unit: 'tickets',
    group: 'team',
    family: backlog,
    better: 'lower',
    counterparts: [],
    name: t('Backlog', 'Очередь открытых заявок'),
    definition: t(
      'Open tickets at the end of each bucket, by the line they were on then and by age (< 1 day, 1–3, 3–7, > 7 days).',
      'Открытые заявки на конец каждого интервала по линии и возрасту (< 1 дня, 1–3, 3–7, > 7 дней).',
    ),
    formula: t('count of open tickets at the bucket end', 'число открытых заявок на конец интервала'),
    reference: t('bucket end', 'конец интервала'),
    facts: ['ticket_segments'],
  },
  {
    id: 'break_compliance',
    number: 20,
    kind: 'rate',
    unit: 'share',
    group: 'team',
    family: breakCompliance,
    better: 'higher',
    counterparts: [],
    name: t('Break compliance', 'Соблюдение перерывов'),
    definition: t(
      "Share of agents' continuous work stretches no longer than 70 minutes (a 10-minute break every 60–70 minutes); breaks under 5 minutes do not end a stretch.",
      'Доля непрерывных отрезков работы не длиннее 70 минут (перерыв 10 минут каждые 60–70 минут); перерывы короче 5 минут отрезок не прерывают.',
    ),
    formula: t('stretches ≤ 70 min ÷ stretches ended', 'отрезки ≤ 70 мин ÷ завершённые отрезки'),
    reference: t('stretch end', 'конец отрезка'),
    facts: ['agent_stretches'],
  },
];

export const KPI_BY_ID: ReadonlyMap<KpiId, KpiDefinition> = new Map(KPIS.map((k) => [k.id, k]));
