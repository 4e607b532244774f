import type { Catalog } from './catalog.js';

/** The staffing page's texts (English), the catalog's `staffing` part. */
export const staffingEn: Catalog = {
  title: 'Staffing',
  sub: 'Agents a typical week needs (Erlang C/A on the measured arrivals and handle times) against the first-line agents who were at work, the volume forecast per channel, and the alerts raised.',
  planTitle: 'Required against staffed, hour by hour',
  heatLabel: 'Gap between staffed and required agents for each weekday and hour of a typical week',
  hours: '{{n}} h / week',
  fig: {
    required: 'Required agent-hours',
    staffed: 'Staffed agent-hours',
    shortfall: 'Short in understaffed hours',
    surplus: 'Over in overstaffed hours',
  },
  headline: {
    hire: 'hire {{n}} FTE',
    move: 'move {{n}} FTE from over-staffed hours to short ones',
    over: '{{n}} FTE more than needed',
    even: 'staffing matches demand',
  },
  tip: {
    required: 'Required: {{n}} agents',
    staffed: 'Staffed: {{n}} agents',
    gap: 'Gap: {{n}}',
    arrivals: 'Arrivals: {{n}} per hour',
  },
  legend: {
    short: '{{n}} agents short',
    even: 'matches',
    over: '{{n}} agents over',
  },
  shrinkage: { measured: 'measured from breaks', given: 'given', none: 'none measured' },
  planNote:
    'Typical week learnt from {{period}}. Target: {{level}} answered within the channel’s target time, occupancy at most {{occupancy}}; shrinkage {{shrinkage}} ({{source}}); one FTE = {{fte}} h a week. Gap = staffed − required: red hours lack agents, blue ones have more than needed.',
  fc: {
    title: 'Volume forecast',
    label: 'Daily volume: recent history, the forecast and its 80 % and 95 % prediction intervals',
    all: 'All channels',
    actual: 'Actual',
    forecast: 'Forecast',
    band80: '80 % interval',
    band95: '95 % interval',
    beats: 'The forecast beats the seasonal-naive baseline.',
    loses:
      'The forecast does not beat the seasonal-naive baseline on this history: plan with the seasonal-naive figures.',
    figures_one:
      'Backtest sMAPE {{model}} against {{naive}} for the seasonal-naive forecast ({{origins}} origin × {{days}} days).',
    figures_other:
      'Backtest sMAPE {{model}} against {{naive}} for the seasonal-naive forecast ({{origins}} origins × {{days}} days).',
    noBacktest: 'Too little history for a backtest: the forecast’s error is unknown.',
    none: 'No volume in the history to forecast from.',
    note: 'Daily {{measure}}, damped Holt–Winters with weekly seasonality, {{days}} days ahead.',
    measure: { contacts_offered: 'contacts offered', tickets_created: 'tickets created' },
  },
  alerts: {
    title: 'Alerts',
    count_one: '{{shown}} of {{total}} alert, newest first',
    count_other: '{{shown}} of {{total}} alerts, newest first',
    none: 'No alert has been raised.',
    when: 'When',
    kind: 'Kind',
    scope: 'Scope',
    observed: 'Observed',
    expected: 'Expected',
    ratio: 'Ratio',
    message: 'Message',
    overall: 'Overall',
    bucket: { day: 'day', hour: 'hour' },
    kinds: {
      escalation_spike: 'Escalation spike',
      sla_breach: 'SLA breaches',
      abandonment: 'Abandonment',
    },
  },
};
