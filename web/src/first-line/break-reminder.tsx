import { useState } from 'react';
import type { AgentStatus, BreakStatus } from '../api/first-line-types.js';
import { useSession } from '../auth/session.js';
import { useResource } from '../hooks/use-resource.js';
import { useI18n } from '../i18n/i18n.js';
import { firstLineApi, SUGGESTED_BREAK_MIN, wholeMinutes } from './first-line-api.js';
import './first-line.css';

const REFRESH_MS = 30_000;
const CHOICES: readonly AgentStatus[] = ['available', 'break', 'offline'];

/**
 * The signed-in agent's own status strip, on every page: status, continuous work time, the status control,
 * and from the 60th minute of a stretch a reminder to take a break (seed 000: 10 minutes every 60–70).
 * Users who are no agent (no agent profile: the API answers 404) see nothing; supervisors see it while they
 * are at work themselves.
 */
export function BreakReminder() {
  const session = useSession();
  const user = session.status === 'signed-in' ? session.session.user : null;
  const works = user?.role === 'agent' || user?.role === 'supervisor';
  const mine = useResource(
    works && user ? user.user_id : null,
    (signal) => firstLineApi.myBreak(user?.user_id ?? '', signal),
    { pollMs: REFRESH_MS },
  );
  // the answer of the last action, shown until a poll newer than it arrives
  const [fresh, setFresh] = useState<{ s: BreakStatus; at: number } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown =
    fresh && fresh.s.agent_id === user?.user_id && fresh.at >= (mine.updatedAt ?? 0) ? fresh.s : mine.data;
  if (!user || !shown) return null;
  // a supervisor who is not at work themselves has no stretch to be reminded of
  if (user.role === 'supervisor' && (shown.status === null || shown.status === 'offline')) return null;

  const set = async (status: AgentStatus) => {
    setBusy(true);
    try {
      setFresh({ s: await firstLineApi.setStatus(user.user_id, status), at: Date.now() });
      setError(null);
      mine.reload();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return <Strip s={shown} busy={busy} error={error} onSet={(s) => void set(s)} />;
}

interface StripProps {
  s: BreakStatus;
  busy: boolean;
  error: string | null;
  onSet: (status: AgentStatus) => void;
}

function Strip({ s, busy, error, onSet }: StripProps) {
  const { t } = useI18n();
  const worked = wholeMinutes(s.worked_s);
  const pressed: AgentStatus | null = s.status === 'busy' ? 'available' : s.status;
  return (
    <div className={`break-strip break-${s.state}`} data-testid="break-reminder" data-state={s.state}>
      <div className="break-strip-inner">
        <span className="break-state" data-testid="break-status">
          {t(`firstLine.state.${s.state}`)}
        </span>
        {s.state !== 'overdue' && (
          <span className="break-figure" data-testid="break-figure">
            {s.state === 'on_break'
              ? t('firstLine.break.onBreakFor', { n: wholeMinutes(s.break_s) })
              : s.state === 'offline'
                ? t('firstLine.break.offline')
                : t('firstLine.break.workedFor', { n: worked })}
          </span>
        )}
        <span role="status" className="break-message" data-testid="break-message">
          {s.state === 'overdue' && t('firstLine.break.remind', { n: worked, m: SUGGESTED_BREAK_MIN })}
        </span>
        {s.state === 'overdue' && (
          <button
            type="button"
            className="button fl-primary"
            disabled={busy}
            onClick={() => onSet('break')}
            data-testid="take-break"
          >
            {t('firstLine.break.take')}
          </button>
        )}
        {s.state === 'on_break' && (
          <button
            type="button"
            className="button fl-primary"
            disabled={busy}
            onClick={() => onSet('available')}
            data-testid="back-to-work"
          >
            {t('firstLine.break.back')}
          </button>
        )}
        <fieldset className="segmented segmented-sm break-choice" disabled={busy}>
          <legend className="visually-hidden">{t('firstLine.break.statusLabel')}</legend>
          {CHOICES.map((c) => (
            <button
              key={c}
              type="button"
              className="seg"
              aria-pressed={pressed === c}
              onClick={() => pressed !== c && onSet(c)}
              data-testid={`status-${c}`}
            >
              {t(`firstLine.status.${c}`)}
            </button>
          ))}
        </fieldset>
        {error && (
          <span className="break-error" role="alert">
            {t('firstLine.refused', { message: error })}
          </span>
        )}
      </div>
    </div>
  );
}
