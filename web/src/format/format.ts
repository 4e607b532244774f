// Locale-aware formatting of the figures the dashboard shows. Pure (Intl only, no DOM, no i18next), so the
// end-to-end test can format the API's numbers exactly as the cards do.

export type Lang = 'en' | 'ru';
export const LANGS: readonly Lang[] = ['en', 'ru'];

const LOCALE: Record<Lang, string> = { en: 'en-GB', ru: 'ru-RU' };
export const localeOf = (lang: Lang): string => LOCALE[lang];

const DASH = '—';
/** a typographic minus for signed changes (Intl gives a hyphen) */
const MINUS = '\u2212';

const UNITS: Record<Lang, { d: string; h: string; min: string; s: string }> = {
  en: { d: 'd', h: 'h', min: 'min', s: 's' },
  ru: { d: 'д', h: 'ч', min: 'мин', s: 'с' },
};

/** The short word of a time unit: "min" / "мин". */
export function timeUnit(unit: 'd' | 'h' | 'min' | 's', lang: Lang): string {
  return UNITS[lang][unit];
}

const STEPS = [
  { unit: 'd', s: 86_400 },
  { unit: 'h', s: 3_600 },
  { unit: 'min', s: 60 },
  { unit: 's', s: 1 },
] as const;

/**
 * A duration in seconds as at most two units, largest first: "45 s", "12 min 5 s", "3 h 20 min",
 * "2 d 4 h" (Russian: "45 с", "3 ч 20 мин", "2 д 4 ч"). Rounded to the smaller unit shown; a zero second
 * unit is dropped ("3 h", not "3 h 0 min").
 */
export function formatDuration(seconds: number | null | undefined, lang: Lang): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return DASH;
  const u = UNITS[lang];
  const nf = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 0 });
  const total = Math.max(0, seconds);
  if (total === 0) return `0 ${u.s}`;
  if (total < 0.5) return `< 1 ${u.s}`;
  for (let i = 0; i < STEPS.length - 1; i++) {
    const big = STEPS[i]!;
    const small = STEPS[i + 1]!;
    // round to the smaller unit first, so 59 min 59.7 s reads "1 h", never "59 min 60 s"
    const rounded = Math.round(total / small.s) * small.s;
    if (rounded < big.s) continue;
    const a = Math.floor(rounded / big.s);
    const b = Math.round((rounded - a * big.s) / small.s);
    const head = `${nf.format(a)} ${u[big.unit]}`;
    return b === 0 ? head : `${head} ${nf.format(b)} ${u[small.unit]}`;
  }
  return `${nf.format(Math.round(total))} ${u.s}`;
}

export function formatNumber(value: number | null | undefined, lang: Lang, maxFraction = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  return new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: maxFraction }).format(value);
}

/** A share 0..1 as a percentage with one decimal (by default): "96.3%" / "96,3 %". */
export function formatPercent(share: number | null | undefined, lang: Lang, digits = 1): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return DASH;
  return new Intl.NumberFormat(LOCALE[lang], {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}

/** A change of a share in percentage points, signed: "+1.2 pp" / "+1,2 п. п.". */
export function formatPoints(change: number, lang: Lang): string {
  const n = new Intl.NumberFormat(LOCALE[lang], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(change * 100);
  return `${n.replace('-', MINUS)} ${lang === 'ru' ? 'п. п.' : 'pp'}`;
}

export function formatSigned(value: number, lang: Lang, maxFraction = 0): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    maximumFractionDigits: maxFraction,
    signDisplay: 'exceptZero',
  })
    .format(value)
    .replace('-', MINUS);
}

/** A signed relative change: "+5.2%" / "+5,2 %". */
export function formatSignedPercent(share: number, lang: Lang): string {
  return new Intl.NumberFormat(LOCALE[lang], {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  })
    .format(share)
    .replace('-', MINUS);
}

/** A signed duration change: "+3 min 5 s", "−12 s". */
export function formatDurationChange(seconds: number, lang: Lang): string {
  if (seconds === 0) return formatDuration(0, lang);
  return `${seconds > 0 ? '+' : MINUS}${formatDuration(Math.abs(seconds), lang)}`;
}

type DateStyle = 'day' | 'dayShort' | 'month' | 'hour' | 'dateTime' | 'time' | 'weekday';

const DATE_OPTIONS: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'short', year: 'numeric' },
  dayShort: { day: 'numeric', month: 'short' },
  month: { month: 'long', year: 'numeric' },
  hour: { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' },
  dateTime: { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' },
  time: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  weekday: { weekday: 'short', day: 'numeric', month: 'short' },
};

/** An instant (ISO string or ms) in the organisation's time zone. */
export function formatDate(at: string | number, lang: Lang, style: DateStyle, timeZone?: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return DASH;
  return new Intl.DateTimeFormat(LOCALE[lang], {
    ...DATE_OPTIONS[style],
    ...(timeZone ? { timeZone } : {}),
  }).format(d);
}

/** A local calendar date YYYY-MM-DD (no time zone arithmetic: it is already local). */
export function formatLocalDate(date: string, lang: Lang, withYear = true): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return new Intl.DateTimeFormat(LOCALE[lang], {
    day: 'numeric',
    month: 'short',
    ...(withYear ? { year: 'numeric' } : {}),
    timeZone: 'UTC',
  }).format(Date.UTC(y, m - 1, d));
}

/** "1–31 Mar 2026" style range of two local dates (inclusive). */
export function formatDateRange(from: string, to: string, lang: Lang): string {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  if (!fy || !fm || !fd || !ty || !tm || !td) return `${from} – ${to}`;
  const f = new Intl.DateTimeFormat(LOCALE[lang], {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return f.formatRange(Date.UTC(fy, fm - 1, fd), Date.UTC(ty, tm - 1, td));
}

/** Inclusive local dates (YYYY-MM-DD) of an API period, whose `to` is the exclusive end instant. */
export function localDateRange(from: string, to: string, timeZone: string): { from: string; to: string } {
  const day = (ms: number) =>
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
      ms,
    );
  return { from: day(Date.parse(from)), to: day(Date.parse(to) - 1) };
}
