import { describe, expect, it } from 'vitest';
import type { TargetSettings } from '../api/insights.js';
import { checkDraft, draftOf, parsePercent } from './target-form.js';

const hi = (e: number, g: number, s: number) => ({
  direction: 'higher' as const,
  excellent: e,
  good: g,
  satisfactory: s,
});
const lo = (e: number, g: number, s: number) => ({
  direction: 'lower' as const,
  excellent: e,
  good: g,
  satisfactory: s,
});
const SETTINGS: TargetSettings = {
  durations: {
    first_response: [
      { channel: 'email', priority: '*', excellent_s: 3600, good_s: 14_400, satisfactory_s: 43_200 },
      { channel: 'chat', priority: '*', excellent_s: 60, good_s: 300, satisfactory_s: 3600 },
    ],
    time_to_assign: [
      { channel: '*', priority: 'urgent', excellent_s: 300, good_s: 900, satisfactory_s: 3600 },
    ],
    resolution: [],
    wait: [{ channel: 'phone', priority: '*', excellent_s: 10, good_s: 20, satisfactory_s: 60 }],
  },
  rates: {
    fcr: hi(0.8, 0.65, 0.5),
    l1_resolution: hi(0.75, 0.65, 0.5),
    escalation: lo(0.15, 0.25, 0.35),
    reopen: lo(0.03, 0.06, 0.1),
    abandonment: lo(0.03, 0.05, 0.1),
    correct_classification: hi(0.95, 0.9, 0.8),
    correct_assignment: hi(0.95, 0.9, 0.8),
    csat: hi(0.9, 0.8, 0.7),
    rated: hi(0.3, 0.2, 0.1),
    callback: hi(0.1, 0.05, 0.02),
    break_compliance: hi(0.95, 0.85, 0.7),
  },
};

describe('the targets editor model', () => {
  it('shows the settings as people read them and reads them back unchanged', () => {
    for (const lang of ['en', 'ru'] as const) {
      const draft = draftOf(SETTINGS, lang);
      expect(checkDraft(draft)).toEqual({ settings: SETTINGS, errors: [] });
    }
    const en = draftOf(SETTINGS, 'en');
    expect(en.durations.first_response[0]).toMatchObject({
      excellent: '1 h',
      good: '4 h',
      satisfactory: '12 h',
    });
    expect(en.rates.fcr).toMatchObject({ excellent: '80', good: '65', satisfactory: '50' });
    expect(draftOf(SETTINGS, 'ru').durations.wait[0]).toMatchObject({
      excellent: '10 с',
      satisfactory: '1 мин',
    });
  });

  it('names every field it cannot accept, and saves nothing then', () => {
    const draft = draftOf(SETTINGS, 'en');
    draft.durations.first_response[0]!.good = '4';
    draft.durations.first_response[1]!.excellent = '10 min';
    draft.durations.wait[0]!.satisfactory = '';
    draft.durations.time_to_assign.push({ ...draft.durations.time_to_assign[0]!, id: 'copy' });
    draft.rates.fcr.satisfactory = '120';
    draft.rates.reopen.excellent = '8';
    const { settings, errors } = checkDraft(draft);
    expect(settings).toBeNull();
    expect(errors).toEqual([
      { path: 'durations.first_response.0.good', code: 'unit' },
      // chat: excellent 10 min > good 5 min
      { path: 'durations.first_response.1', code: 'order' },
      { path: 'durations.time_to_assign.1', code: 'duplicate' },
      { path: 'durations.wait.0.satisfactory', code: 'empty' },
      { path: 'rates.fcr.satisfactory', code: 'percent' },
      // lower is better: excellent 8 % is worse than good 6 %
      { path: 'rates.reopen', code: 'rateOrder' },
    ]);
  });

  it('reads percentages', () => {
    expect(parsePercent('65')).toBe(0.65);
    expect(parsePercent('65,5 %')).toBe(0.655);
    expect(parsePercent('0')).toBe(0);
    expect(parsePercent('100%')).toBe(1);
    expect(parsePercent('101')).toBeNull();
    expect(parsePercent('-1')).toBeNull();
    expect(parsePercent('')).toBeNull();
  });
});
