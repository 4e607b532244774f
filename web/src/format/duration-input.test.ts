import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDurationExact, parseDurationInput } from './duration-input.js';

describe('typed durations', () => {
  it.each([
    ['1 h', 3600],
    ['1h30m', 5400],
    ['1 h 30 min', 5400],
    ['90 min', 5400],
    ['1,5 h', 5400],
    ['1.5 hours', 5400],
    ['45 s', 45],
    ['2 d 4 h', 187_200],
    ['1 ч 30 мин', 5400],
    ['15 мин', 900],
    ['12 часов', 43_200],
    ['20 с', 20],
    ['2 дня', 172_800],
  ])('reads "%s" as %i s', (text, seconds) => {
    expect(parseDurationInput(text)).toEqual({ seconds });
  });

  it('says why it cannot read a value', () => {
    expect(parseDurationInput('  ')).toEqual({ error: 'empty' });
    expect(parseDurationInput('90')).toEqual({ error: 'unit' });
    expect(parseDurationInput('5 weeks')).toEqual({ error: 'unit' });
    expect(parseDurationInput('soon')).toEqual({ error: 'format' });
    expect(parseDurationInput('1 h -5 min')).toEqual({ error: 'format' });
  });

  it('writes every unit, exactly, in both languages', () => {
    expect(formatDurationExact(5400, 'en')).toBe('1 h 30 min');
    expect(formatDurationExact(3661, 'en')).toBe('1 h 1 min 1 s');
    expect(formatDurationExact(86_405, 'ru')).toBe('1 д 5 с');
    expect(formatDurationExact(43_200, 'ru')).toBe('12 ч');
    expect(formatDurationExact(20, 'ru')).toBe('20 с');
  });

  it('reads back what it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 * 86_400 }), fc.constantFrom('en', 'ru'), (s, lang) => {
        expect(parseDurationInput(formatDurationExact(s, lang as 'en' | 'ru'))).toEqual({ seconds: s });
      }),
    );
  });
});
