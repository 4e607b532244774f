import { formatDuration } from '../format/format.js';
import { useI18n } from '../i18n/i18n.js';
import type { SlaClock, SlaClocks } from './desk-api.js';

const CLOCKS = ['first_response', 'assignment', 'resolution'] as const;

function clockText(c: SlaClock, t: ReturnType<typeof useI18n>['t'], lang: 'en' | 'ru'): string {
  if (c.state === 'none' || c.target_s === null) return t('desk.sla.none');
  if (c.state === 'met') return t('desk.sla.met', { elapsed: formatDuration(c.elapsed_s, lang) });
  if (c.state === 'stopped') return t('desk.sla.stopped');
  if (c.left_s !== null && c.left_s < 0) return t('desk.sla.over', { over: formatDuration(-c.left_s, lang) });
  if (c.state === 'breached') return t('desk.sla.breached', { elapsed: formatDuration(c.elapsed_s, lang) });
  return t('desk.sla.left', { left: formatDuration(c.left_s ?? 0, lang) });
}

/** The three SLA clocks of a ticket, in its team's business time (the server counts them). */
export function SlaClocksView({ sla, compact = false }: { sla: SlaClocks; compact?: boolean }) {
  const { t, lang } = useI18n();
  return (
    <ul className={compact ? 'sla sla-compact' : 'sla'} data-testid="sla-clocks">
      {CLOCKS.map((k) => {
        const c = sla[k];
        const late = c.state === 'breached' || (c.left_s !== null && c.left_s < 0);
        return (
          <li
            key={k}
            className={`sla-clock sla-${late ? 'late' : c.state}`}
            data-clock={k}
            data-state={c.state}
          >
            <span className="sla-name">{t(`desk.sla.${k}`)}</span> <span>{clockText(c, t, lang)}</span>
          </li>
        );
      })}
      {!compact && !sla.working_now && <li className="sla-note">{t('desk.sla.paused')}</li>}
    </ul>
  );
}
