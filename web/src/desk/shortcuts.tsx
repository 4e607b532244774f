import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.js';
import type { DeskAction } from './action-form.js';

/** The workspace's keys: one letter per frequent action, as in most help desks. */
export const ACTION_KEYS: Readonly<Record<string, DeskAction>> = {
  r: 'reply',
  i: 'note',
  c: 'classify',
  a: 'assign',
  t: 'take',
  e: 'escalate',
  s: 'resolve',
  w: 'work',
};

/** True when the key press belongs to a field being typed in, not to the workspace. */
export function typingIn(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
}

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const { t } = useI18n();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  const rows: [string, string][] = [
    ['n', t('desk.create')],
    ['j / k', t('desk.help.move')],
    ...Object.entries(ACTION_KEYS).map(([k, a]): [string, string] => [k, t(`desk.action.${a}`)]),
    ['Esc', t('desk.cancel')],
    ['?', t('desk.help.title')],
  ];
  return (
    <div
      className="desk-overlay"
      role="dialog"
      aria-modal="true"
      aria-label={t('desk.help.title')}
      data-testid="shortcut-help"
      onKeyDown={(e) => {
        if (e.key === 'Escape' || e.key === '?') onClose();
      }}
    >
      <div className="panel desk-help">
        <h2>{t('desk.help.title')}</h2>
        <table>
          <tbody>
            {rows.map(([k, label]) => (
              <tr key={k}>
                <td>
                  <kbd>{k}</kbd>
                </td>
                <td>{label}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={close} type="button" className="button" onClick={onClose}>
          {t('desk.help.close')}
        </button>
      </div>
    </div>
  );
}
