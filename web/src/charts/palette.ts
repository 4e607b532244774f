import type { Tier } from '../api/types.js';

/** Tier colours, shared with styles.css (--tier-*) so charts and badges agree. */
export const TIER_COLOUR: Record<Tier | 'none', string> = {
  excellent: '#15803d',
  good: '#0e7490',
  satisfactory: '#b45309',
  poor: '#b91c1c',
  none: '#3b6fd8',
};

/** Very light tints for tier bands behind a chart. */
export const TIER_BAND: Record<Tier, string> = {
  excellent: 'rgba(21, 128, 61, 0.09)',
  good: 'rgba(14, 116, 144, 0.08)',
  satisfactory: 'rgba(180, 83, 9, 0.08)',
  poor: 'rgba(185, 28, 28, 0.07)',
};

export const INK = '#1f2937';
export const MUTED = '#6b7280';
export const GRID_LINE = '#eef0f4';
export const ACCENT = '#3b6fd8';
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif';
