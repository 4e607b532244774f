import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en.js';
import { ru } from '../i18n/ru.js';
import { formatDuration, formatDurationChange, formatNumber, formatPercent, formatPoints } from './format.js';

const NBSP = '\u00a0';

describe('formatDuration', () => {
  const cases: [number, string, string][] = [
    [0, '0 s', '0 с'],
    [0.3, '< 1 s', '< 1 с'],
    [0.6, '1 s', '1 с'],
    [45, '45 s', '45 с'],
    [59.6, '1 min', '1 мин'],
    [60, '1 min', '1 мин'],
    [65, '1 min 5 s', '1 мин 5 с'],
    [725, '12 min 5 s', '12 мин 5 с'],
    [3599.7, '1 h', '1 ч'],
    [3600, '1 h', '1 ч'],
    [3660, '1 h 1 min', '1 ч 1 мин'],
    [12_000, '3 h 20 min', '3 ч 20 мин'],
    [12_029, '3 h 20 min', '3 ч 20 мин'],
    [12_030, '3 h 21 min', '3 ч 21 мин'],
    [86_399, '1 d', '1 д'],
    [187_200, '2 d 4 h', '2 д 4 ч'],
    [100 * 86_400, '100 d', '100 д'],
  ];
  it.each(cases)('%s s reads "%s" in English and "%s" in Russian', (s, enText, ruText) => {
    expect(formatDuration(s, 'en')).toBe(enText);
    expect(formatDuration(s, 'ru')).toBe(ruText);
  });

  it('shows at most two units, largest first', () => {
    expect(formatDuration(2 * 86_400 + 3 * 3600 + 59 * 60 + 59, 'en')).toBe('2 d 4 h');
    expect(formatDuration(3 * 3600 + 20 * 60 + 40, 'ru')).toBe('3 ч 21 мин');
  });

  it('groups the digits of long periods the locale way', () => {
    expect(formatDuration(1234 * 86_400, 'en')).toBe('1,234 d');
    expect(formatDuration(1234 * 86_400, 'ru')).toBe(`1${NBSP}234 д`);
  });

  it('shows a dash for a missing value and clamps negatives to zero', () => {
    expect(formatDuration(null, 'en')).toBe('—');
    expect(formatDuration(undefined, 'ru')).toBe('—');
    expect(formatDuration(Number.NaN, 'en')).toBe('—');
    expect(formatDuration(-5, 'en')).toBe('0 s');
  });

  it('signs a change of duration', () => {
    expect(formatDurationChange(185, 'en')).toBe('+3 min 5 s');
    expect(formatDurationChange(-12, 'ru')).toBe('−12 с');
    expect(formatDurationChange(0, 'en')).toBe('0 s');
  });
});

describe('numbers and shares', () => {
  it('formats counts, percentages and percentage points per locale', () => {
    expect(formatNumber(3685, 'en')).toBe('3,685');
    expect(formatNumber(3685, 'ru')).toBe(`3${NBSP}685`);
    expect(formatPercent(0.963, 'en')).toBe('96.3%');
    expect(formatPercent(0.54, 'en')).toBe('54.0%');
    expect(formatPercent(0.963, 'ru')).toBe(`96,3${NBSP}%`);
    expect(formatPercent(null, 'en')).toBe('—');
    expect(formatPoints(0.0123, 'en')).toBe('+1.2 pp');
    expect(formatPoints(-0.0123, 'ru')).toBe('−1,2 п. п.');
  });
});

describe('message catalogs', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === 'object' && v !== null
        ? keys(v, `${prefix}${k}.`)
        : [`${prefix}${k.replace(/_(one|few|many|other)$/, '')}`],
    );

  it('have the same keys in English and Russian', () => {
    expect([...new Set(keys(ru))].sort()).toEqual([...new Set(keys(en))].sort());
  });

  it('use the three Russian plural forms', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ lng: 'ru', resources: { ru: { translation: ru }, en: { translation: en } } });
    const word = (count: number) => i18n.t('units.tickets', { count });
    expect([1, 2, 5, 11, 21, 22, 25, 101, 111, 1201].map(word)).toEqual([
      'заявка',
      'заявки',
      'заявок',
      'заявок',
      'заявка',
      'заявки',
      'заявок',
      'заявка',
      'заявок',
      'заявка',
    ]);
    expect(i18n.t('units.tickets', { count: 1.5 })).toBe('заявки');
    await i18n.changeLanguage('en');
    expect([1, 2].map(word)).toEqual(['ticket', 'tickets']);
  });
});
