import type { TFunction } from 'i18next';
import type { Dimension } from '../api/types.js';

const KNOWN: Partial<Record<Dimension, readonly string[]>> = {
  channel: ['phone', 'chat', 'email', 'social', 'web', 'other'],
  priority: ['low', 'normal', 'high', 'urgent'],
};

/** Dimensions whose values are fixed by the domain (no need to ask the server for them). */
export const FIXED_VALUES: Partial<Record<Dimension, readonly string[]>> = {
  ...KNOWN,
  line: ['1', '2', '3'],
};

/** A dimension value as people read it: "E-mail", "Line 2", "(not set)"; free values stay as they are. */
export function valueLabel(t: TFunction, dim: Dimension, value: string): string {
  if (value === '(none)' || value === '') return t('value.none');
  if (dim === 'line') return t('value.line', { n: value });
  if (KNOWN[dim]?.includes(value)) return t(`value.${dim}.${value}`);
  return value;
}
