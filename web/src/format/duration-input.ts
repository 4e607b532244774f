// Durations typed by people ("1 h 30 min", "90мин", "1,5 ч") and written back exactly, for the targets
// editor: what is shown must read back to the same number of seconds.
import { type Lang, localeOf, timeUnit } from './format.js';

const UNIT_SECONDS: [RegExp, number][] = [
  [/^(d|days?|д|дн|дня|дней|день)$/, 86_400],
  [/^(h|hrs?|hours?|ч|час|часа|часов)$/, 3_600],
  [/^(m|min|mins|minutes?|мин|минута|минуты|минут)$/, 60],
  [/^(s|sec|secs|seconds?|с|сек|секунда|секунды|секунд)$/, 1],
];

export type DurationInputError = 'empty' | 'unit' | 'format';

/** Seconds of a typed duration, or why it cannot be read. Parts add up: "1 h 30 min" = 5400. */
export function parseDurationInput(text: string): { seconds: number } | { error: DurationInputError } {
  const s = text.trim().toLowerCase().replaceAll(',', '.');
  if (!s) return { error: 'empty' };
  const parts = [...s.matchAll(/(\d+(?:\.\d+)?)\s*([a-zа-яё]*)\.?/g)];
  // everything typed must belong to a number-and-unit pair
  if (
    parts
      .map((p) => p[0])
      .join('')
      .replace(/\s+/g, '') !== s.replace(/\s+/g, '')
  )
    return { error: 'format' };
  let seconds = 0;
  for (const [, num, unit] of parts) {
    if (!unit) return { error: 'unit' };
    const found = UNIT_SECONDS.find(([re]) => re.test(unit));
    if (!found) return { error: 'unit' };
    seconds += Number(num) * found[1];
  }
  return { seconds: Math.round(seconds * 1000) / 1000 };
}

/** Every non-zero unit, largest first, no rounding: "1 h 30 min", "1 d 0 h 5 s" never — "1 d 5 s". */
export function formatDurationExact(seconds: number, lang: Lang): string {
  const nf = new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: 3, useGrouping: false });
  if (seconds <= 0) return `0 ${timeUnit('s', lang)}`;
  const out: string[] = [];
  let rest = seconds;
  for (const [unit, size] of [
    ['d', 86_400],
    ['h', 3_600],
    ['min', 60],
  ] as const) {
    const n = Math.floor(rest / size);
    if (n > 0) out.push(`${nf.format(n)} ${timeUnit(unit, lang)}`);
    rest -= n * size;
  }
  if (rest > 0) out.push(`${nf.format(rest)} ${timeUnit('s', lang)}`);
  return out.join(' ');
}
