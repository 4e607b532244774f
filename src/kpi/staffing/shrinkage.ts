/**
 * Agents to schedule so that `onPhones` remain after shrinkage s (breaks, training, absence):
 * ⌈n / (1 − s)⌉. A hair is taken off before rounding up so that 35 / 0.7 = 50.000000000000007 stays 50.
 */
export function scheduledHeadcount(onPhones: number, shrinkage: number): number {
  if (!(shrinkage >= 0 && shrinkage < 1))
    throw new RangeError(`shrinkage must be in [0, 1), got ${shrinkage}`);
  if (onPhones === 0) return 0;
  return Math.ceil(onPhones / (1 - shrinkage) - 1e-9);
}
