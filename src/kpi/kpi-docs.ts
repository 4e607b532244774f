import { formatTargetForDocs } from './kpi-docs-targets.js';
import { KPIS, type Text } from './registry.js';
import { DEFAULT_TARGETS } from './targets.js';

type Lang = keyof Text;

const HEAD: Record<Lang, { title: string; intro: string; cols: string[] }> = {
  en: {
    title: 'Firstline KPIs',
    intro:
      'Every KPI of the specification (SPEC §3), as the engine computes it. This file is generated from `src/kpi/registry.ts` (`firstline docs`); a test keeps it in step.',
    cols: ['Definition', 'Formula', 'Reference instant', 'Unit', 'Default target', 'Quality counterpart'],
  },
  ru: {
    title: 'KPI в Firstline',
    intro:
      'Все показатели спецификации (SPEC §3) так, как их считает движок. Файл создаётся из `src/kpi/registry.ts` (`firstline docs`).',
    cols: [
      'Определение',
      'Формула',
      'Момент отнесения',
      'Единица',
      'Цель по умолчанию',
      'Парный показатель качества',
    ],
  },
};

const RULES: Record<Lang, string[]> = {
  en: [
    "**Periods** are half-open, [from, to). Dates are whole days in the organisation's time zone (that of the `default` calendar); `to` is inclusive when given as a date. Buckets (hour, day, week from Monday, month) are local and follow DST: a day bucket may last 23 or 25 hours.",
    '**Reference instant**: an item belongs to the period in which its reference instant falls (e.g. a first response time belongs to the day of the first response). Pending items (an open ticket without the milestone yet) are counted in `pending` by their creation instant, never as 0. A ticket closed or resolved without the milestone is neither done nor pending.',
    '**Trend**: the same KPI over the previous period of equal length; `change` is the headline difference (shares in points of 1, counts in items).',
    "**Durations** report count, pending, mean, median and p90 (exact, nearest-rank: the p-th percentile is the smallest observed value with at least p of the items at or below it), and the share within target. Business-time durations count only the working hours of the calendar of the ticket's team (the organisation's default calendar when the team has none).",
    '**Targets and tiers**: a duration target is met by an item whose duration is ≤ the target of its channel and priority (the most specific policy wins); "within target" uses the `good` threshold. A duration KPI\'s tier is the best tier that at least half of its items reach. A rate\'s tier compares its value with the thresholds in the direction that is better.',
    '**Rates** always carry numerator and denominator; with no items the value is null, not 0.',
    "**A ticket's start** is its creation, or the arrival of the contact it was born from (named on `ticket.created`, else the earliest linked contact that arrived no later than its creation).",
    "**Agent attribution** (`--by agent`): tickets created → creator; processed → who resolved or dispatched; first response → responder; time to assign and correct assignment → first assigner; resolution, FCR, L1 resolution, escalation, reopen, rated, call-back, CSAT → first resolver; correct classification → first classifier; contacts → answering agent; backlog → current assignee. Team and line are the ticket's current ones (backlog: those at the bucket end).",
    "**Choices where the specification is silent**: FCR counts at most one public reply and no customer reply up to the first resolution, and looks at the reopen that follows the first resolution; reopen rate counts a reopen within the window of any resolution; L1 resolution and FCR look at escalations before the first resolution, escalation rate at any; a call-back counts when the customer was reached; a contact that queued and ended unanswered without `contact.abandoned` is self-served; a team-only assignment to the same team is no reassignment; a ticket closed without resolution is left out of resolution KPIs; CSAT uses each ticket's latest rating.",
  ],
  ru: [
    '**Периоды** полуоткрытые, [from, to). Даты — целые сутки в часовом поясе организации (календаря `default`); `to`, заданный датой, включается. Интервалы (час, день, неделя с понедельника, месяц) — местные и учитывают переход на летнее время.',
    '**Момент отнесения**: элемент относится к периоду, в который попал его момент отнесения. Незавершённые элементы (открытая заявка без этапа) считаются в `pending` по моменту создания и никогда не считаются нулём.',
    '**Тренд** — тот же показатель за предыдущий период такой же длины.',
    '**Длительности**: количество, в ожидании, среднее, медиана и 90-й перцентиль (точные, метод ближайшего ранга) и доля в пределах цели; в рабочем времени учитываются только рабочие часы календаря команды заявки.',
    '**Цели и уровни**: цель по длительности выполнена, если длительность ≤ цели своего канала и приоритета; «в пределах цели» — порог `good`. Уровень показателя длительности — лучший уровень, которого достигает не меньше половины элементов.',
    '**Доли** всегда с числителем и знаменателем; без элементов значение null, а не 0.',
  ],
};

export function renderKpiDocs(): string {
  const out: string[] = [];
  for (const lang of ['en', 'ru'] as const) {
    const h = HEAD[lang];
    out.push(`# ${h.title}${lang === 'en' ? ' (English)' : ' (русский)'}`, '', h.intro, '');
    for (const rule of RULES[lang]) out.push(`- ${rule}`);
    out.push('');
    for (const k of KPIS) {
      const counterparts = k.counterparts.map((c) => `\`${c}\``).join(', ') || '—';
      out.push(
        `## ${k.number}. ${k.name[lang]} (\`${k.id}\`)`,
        '',
        `| | |`,
        `|---|---|`,
        `| ${h.cols[0]} | ${k.definition[lang]} |`,
        `| ${h.cols[1]} | ${k.formula[lang]} |`,
        `| ${h.cols[2]} | ${k.reference[lang]} |`,
        `| ${h.cols[3]} | ${k.unit} (${k.kind}) |`,
        `| ${h.cols[4]} | ${formatTargetForDocs(k.id, DEFAULT_TARGETS)} |`,
        `| ${h.cols[5]} | ${counterparts} |`,
        '',
      );
    }
  }
  return `${out.join('\n').trimEnd()}\n`;
}
