import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import type { DeskAgent } from './desk-api.js';

/** The workspace's actions on an open ticket, by their API path segment. */
export const ACTIONS = [
  'reply',
  'note',
  'classify',
  'assign',
  'take',
  'escalate',
  'resolve',
  'reopen',
  'close',
  'work',
] as const;
export type DeskAction = (typeof ACTIONS)[number];

interface Props {
  action: DeskAction;
  agents: DeskAgent[];
  busy: boolean;
  onSubmit: (action: DeskAction, body: Record<string, unknown>) => void;
  onCancel: () => void;
}

/** The fields of one action; the version is added by the caller. */
export function ActionForm({ action, agents, busy, onSubmit, onCancel }: Props) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [kind, setKind] = useState('comment');
  const [target, setTarget] = useState('line:2');
  const [minutes, setMinutes] = useState('10');
  const first = useRef<HTMLFormElement>(null);
  useEffect(() => {
    first.current?.querySelector<HTMLElement>('input, textarea, select, button')?.focus();
  }, []);

  const body = (): Record<string, unknown> => {
    const [k, v = ''] = target.split(':');
    switch (action) {
      case 'reply':
        return { kind, ...(text.trim() ? { text } : {}) };
      case 'note':
        return { text };
      case 'classify':
        return { category: text.trim() };
      case 'assign':
        if (k === 'line') return { line: Number(v) };
        return k === 'team' ? { team_id: v } : { assignee_id: v };
      case 'escalate':
        return k === 'line' ? { to_line: Number(v), reason: text } : { to_role: v, reason: text };
      case 'work':
        return { seconds: Math.round(Number(minutes) * 60) };
      default:
        return {};
    }
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(action, body());
  };
  const teams = [...new Set(agents.map((a) => a.team_id).filter((x): x is string => !!x))].sort();

  return (
    <form
      ref={first}
      className="desk-form panel"
      onSubmit={submit}
      data-testid={`form-${action}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h3>{t(`desk.action.${action}`)}</h3>
      {action === 'reply' && (
        <label>
          {t('desk.field.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="reply-kind">
            {['comment', 'clarification', 'solution'].map((k) => (
              <option key={k} value={k}>
                {t(`ticket.kind.${k}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {(action === 'assign' || action === 'escalate') && (
        <label>
          {t(action === 'assign' ? 'desk.field.assignTo' : 'desk.field.escalateTo')}
          <select value={target} onChange={(e) => setTarget(e.target.value)} data-testid={`${action}-target`}>
            {[1, 2, 3].map((n) => (
              <option key={n} value={`line:${n}`}>
                {t('ticket.line', { n })}
              </option>
            ))}
            {action === 'escalate' &&
              ['senior', 'manager'].map((r) => (
                <option key={r} value={`role:${r}`}>
                  {t(`ticket.${r}`)}
                </option>
              ))}
            {action === 'assign' &&
              teams.map((team) => (
                <option key={team} value={`team:${team}`}>
                  {t('desk.field.team', { team })}
                </option>
              ))}
            {action === 'assign' &&
              agents.map((a) => (
                <option key={a.user_id} value={`person:${a.user_id}`}>
                  {a.name}
                  {a.line ? ` (${t('ticket.line', { n: a.line })})` : ''}
                </option>
              ))}
          </select>
        </label>
      )}
      {action === 'classify' && (
        <label>
          {t('desk.field.category')}
          <input
            value={text}
            onChange={(e) => setText(e.target.value)}
            required
            data-testid="classify-category"
          />
        </label>
      )}
      {(action === 'reply' || action === 'note' || action === 'escalate') && (
        <label>
          {t(action === 'escalate' ? 'desk.field.reason' : 'desk.field.text')}
          <textarea
            value={text}
            rows={4}
            required={action !== 'reply'}
            onChange={(e) => setText(e.target.value)}
            data-testid={`${action}-text`}
          />
        </label>
      )}
      {action === 'work' && (
        <label>
          {t('desk.field.minutes')}
          <input
            type="number"
            min={1}
            max={1440}
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            data-testid="work-minutes"
          />
        </label>
      )}
      <div className="desk-form-buttons">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="action-submit">
          {t(`desk.action.${action}`)}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('desk.cancel')}
        </button>
      </div>
    </form>
  );
}
