import type { Bucket } from '../api/types.js';
import { formatDate, type Lang, localeOf } from '../format/format.js';

/** A bucket's start as a short axis label, or a long one for headings and tooltips. */
export function bucketLabel(
  start: string,
  bucket: Bucket,
  lang: Lang,
  timeZone: string,
  long = false,
): string {
  const at = Date.parse(start);
  const f = (o: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(localeOf(lang), { ...o, timeZone }).format(at);
  switch (bucket) {
    case 'hour':
      return long ? formatDate(at, lang, 'hour', timeZone) : f({ hour: '2-digit', minute: '2-digit' });
    case 'day':
      return long
        ? f({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
        : f({ day: 'numeric', month: 'short' });
    case 'week': {
      const end = at + 6 * 86_400_000;
      const range = new Intl.DateTimeFormat(localeOf(lang), { day: 'numeric', month: 'short', timeZone });
      return long ? range.formatRange(at, end) : range.format(at);
    }
    case 'month':
      return f(long ? { month: 'long', year: 'numeric' } : { month: 'short', year: '2-digit' });
  }
}
