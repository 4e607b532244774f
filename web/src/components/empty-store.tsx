import { useI18n } from '../i18n/i18n.js';

/** What to do when the store holds nothing: the exact commands, never an empty chart. */
export function EmptyStore() {
  const { t } = useI18n();
  return (
    <section className="empty" data-testid="empty-store" aria-labelledby="empty-title">
      <h2 id="empty-title">{t('overview.empty.title')}</h2>
      <p>{t('overview.empty.body')}</p>
      <div className="empty-steps">
        <div>
          <h3>{t('overview.empty.demo')}</h3>
          <pre>
            <code>npx firstline demo --days 90</code>
          </pre>
        </div>
        <div>
          <h3>{t('overview.empty.import')}</h3>
          <pre>
            <code>{'npx firstline import <file> --format <format>'}</code>
          </pre>
          <p className="muted">{t('overview.empty.formats')}</p>
        </div>
      </div>
      <p className="muted">{t('overview.empty.api')}</p>
    </section>
  );
}
