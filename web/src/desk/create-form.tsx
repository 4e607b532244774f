import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { ActionError, deskApi } from './desk-api.js';

const CHANNELS = ['phone', 'chat', 'email', 'social', 'web', 'other'] as const;
const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** Registers a ticket (ticket.created by the signed-in agent) and opens it. */
export function CreateForm({
  onCreated,
  onCancel,
}: {
  onCreated: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [channel, setChannel] = useState<string>('phone');
  const [priority, setPriority] = useState<string>('normal');
  const [subject, setSubject] = useState('');
  const [customer, setCustomer] = useState('');
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      const made = await deskApi.create({
        channel,
        priority,
        ...(subject.trim() ? { subject: subject.trim() } : {}),
        ...(customer.trim() ? { customer: customer.trim() } : {}),
        ...(text.trim() ? { text } : {}),
      });
      onCreated(made.ticket.ticket_id);
    } catch (err) {
      setError(t('desk.refused', { message: err instanceof ActionError ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="desk-form panel"
      onSubmit={(e) => void submit(e)}
      data-testid="form-create"
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h3>{t('desk.create')}</h3>
      {error && <p className="banner banner-error">{error}</p>}
      <label>
        {t('dim.channel')}
        <select
          ref={first}
          value={channel}
          onChange={(e) => setChannel(e.target.value)}
          data-testid="create-channel"
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`value.channel.${c}`, { defaultValue: c })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('dim.priority')}
        <select value={priority} onChange={(e) => setPriority(e.target.value)}>
          {PRIORITIES.map((p) => (
            <option key={p} value={p}>
              {t(`value.priority.${p}`, { defaultValue: p })}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('desk.field.subject')}
        <input value={subject} onChange={(e) => setSubject(e.target.value)} data-testid="create-subject" />
      </label>
      <label>
        {t('ticket.customer')}
        <input value={customer} onChange={(e) => setCustomer(e.target.value)} />
      </label>
      <label>
        {t('desk.field.text')}
        <textarea value={text} rows={3} onChange={(e) => setText(e.target.value)} />
      </label>
      <div className="desk-form-buttons">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="create-submit">
          {t('desk.create')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('desk.cancel')}
        </button>
      </div>
    </form>
  );
}
