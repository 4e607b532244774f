import { type Bucket, DIMENSIONS, type Dimension, type TimeMode } from '../api/types.js';

// Everything that defines what the dashboard shows lives in the URL, so a view can be shared and the
// browser's back and forward buttons move between views. Page-specific keys (breakdown, drill-down)
// sit next to these and are kept or dropped by the page that owns them.

export const PRESETS = ['today', '7d', '30d', 'quarter', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];
export const BUCKETS: readonly Bucket[] = ['hour', 'day', 'week', 'month'];
export const FILTER_DIMENSIONS: readonly Dimension[] = DIMENSIONS;

export interface DashQuery {
  preset: Preset;
  /** local dates YYYY-MM-DD, only for the custom preset */
  from: string | null;
  to: string | null;
  /** the user's choice; null picks one from the period's length */
  bucket: Bucket | null;
  time: TimeMode;
  filters: Partial<Record<Dimension, string[]>>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULT_PRESET: Preset = '30d';

export function parseQuery(params: URLSearchParams): DashQuery {
  const from = params.get('from');
  const to = params.get('to');
  const custom = from !== null && to !== null && DATE.test(from) && DATE.test(to) && from <= to;
  const rawPreset = params.get('period');
  const preset: Preset =
    custom && (rawPreset === null || rawPreset === 'custom')
      ? 'custom'
      : (PRESETS as readonly string[]).includes(rawPreset ?? '') && rawPreset !== 'custom'
        ? (rawPreset as Preset)
        : DEFAULT_PRESET;
  const rawBucket = params.get('bucket');
  const filters: DashQuery['filters'] = {};
  for (const d of FILTER_DIMENSIONS) {
    const values = (params.get(d) ?? '')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    if (values.length) filters[d] = [...new Set(values)];
  }
  return {
    preset,
    from: preset === 'custom' ? from : null,
    to: preset === 'custom' ? to : null,
    bucket: (BUCKETS as readonly string[]).includes(rawBucket ?? '') ? (rawBucket as Bucket) : null,
    time: params.get('time') === 'business' ? 'business' : 'calendar',
    filters,
  };
}

/** Writes the query into `params` (other keys are kept), leaving defaults out so URLs stay short. */
export function writeQuery(q: DashQuery, params = new URLSearchParams()): URLSearchParams {
  const out = new URLSearchParams(params);
  for (const k of ['period', 'from', 'to', 'bucket', 'time', ...FILTER_DIMENSIONS]) out.delete(k);
  if (q.preset === 'custom' && q.from && q.to) {
    out.set('from', q.from);
    out.set('to', q.to);
  } else if (q.preset !== DEFAULT_PRESET) out.set('period', q.preset);
  if (q.bucket) out.set('bucket', q.bucket);
  if (q.time === 'business') out.set('time', 'business');
  for (const d of FILTER_DIMENSIONS) {
    const v = q.filters[d];
    if (v?.length) out.set(d, v.join(','));
  }
  return out;
}

export function searchString(params: URLSearchParams): string {
  const s = params.toString().replaceAll('%2C', ',');
  return s ? `?${s}` : '';
}

/** Today's date in a time zone, as YYYY-MM-DD. */
export function localToday(timeZone: string, now: number): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The period as inclusive local dates in the organisation's time zone. */
export function resolvePeriod(q: DashQuery, timeZone: string, now: number): { from: string; to: string } {
  if (q.preset === 'custom' && q.from && q.to) return { from: q.from, to: q.to };
  const today = localToday(timeZone, now);
  switch (q.preset) {
    case 'today':
      return { from: today, to: today };
    case '7d':
      return { from: addDays(today, -6), to: today };
    case 'quarter': {
      const month = Number(today.slice(5, 7));
      const first = String(Math.floor((month - 1) / 3) * 3 + 1).padStart(2, '0');
      return { from: `${today.slice(0, 4)}-${first}-01`, to: today };
    }
    default:
      return { from: addDays(today, -29), to: today };
  }
}

/** The bucket the user chose, else one that gives a readable number of points for the period. */
export function effectiveBucket(q: DashQuery, period: { from: string; to: string }): Bucket {
  const days = daysBetween(period.from, period.to);
  if (q.bucket && !(q.bucket === 'hour' && days > 31)) return q.bucket;
  return days <= 2 ? 'hour' : days <= 92 ? 'day' : days <= 400 ? 'week' : 'month';
}

/** The API parameters of a cut: period, bucket, time mode and filters. */
export function apiParams(q: DashQuery, timeZone: string, now: number): URLSearchParams {
  const period = resolvePeriod(q, timeZone, now);
  const p = new URLSearchParams({ from: period.from, to: period.to, bucket: effectiveBucket(q, period) });
  if (q.time === 'business') p.set('time', 'business');
  for (const d of FILTER_DIMENSIONS) {
    const v = q.filters[d];
    if (v?.length) p.set(d, v.join(','));
  }
  return p;
}
