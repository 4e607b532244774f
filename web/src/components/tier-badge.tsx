import type { Tier } from '../api/types.js';
import { useI18n } from '../i18n/i18n.js';
import { TierIcon } from './icons.js';

export function TierBadge({ tier, size = 'md' }: { tier: Tier | null; size?: 'sm' | 'md' }) {
  const { t } = useI18n();
  const key = tier ?? 'none';
  return (
    <span className={`tier tier-${key} tier-${size}`} data-testid="tier" data-tier={key}>
      <TierIcon tier={key} />
      <span>{t(`tier.${key}`)}</span>
    </span>
  );
}

/** A dot in the tier's colour, for dense places (tables, counterparts); the word is in its title. */
export function TierDot({ tier }: { tier: Tier | null | undefined }) {
  const { t } = useI18n();
  const key = tier ?? 'none';
  return (
    <span
      className={`tier-dot tier-${key}`}
      title={t(`tier.${key}`)}
      role="img"
      aria-label={t(`tier.${key}`)}
    />
  );
}
