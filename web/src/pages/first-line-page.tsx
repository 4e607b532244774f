import { useSession } from '../auth/session.js';
import { BreakBoard } from '../first-line/break-board.js';
import { CallbackList } from '../first-line/callback-list.js';
import '../first-line/first-line.css';
import { useI18n } from '../i18n/i18n.js';

/**
 * The first line's tools: the supervisors' live break board (settings:write, as its API asks) and the
 * feedback call-back list (read with tickets:read, logged with tickets:write). What a user may not do is
 * not shown.
 */
export default function FirstLinePage() {
  const { t } = useI18n();
  const session = useSession();
  const may = new Set(session.status === 'signed-in' ? session.session.permissions : []);
  const board = may.has('settings:write');
  const callbacks = may.has('tickets:read');
  return (
    <div className="page" data-testid="first-line">
      <div className="page-head">
        <div>
          <h1>{t('firstLine.title')}</h1>
          <p className="page-sub">{t('firstLine.sub')}</p>
        </div>
      </div>
      {board && <BreakBoard />}
      {callbacks && <CallbackList canLog={may.has('tickets:write')} />}
      {!board && !callbacks && <p className="banner banner-info">{t('firstLine.nothing')}</p>}
    </div>
  );
}
