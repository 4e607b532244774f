import { LANGS } from '../format/format.js';
import { setLang, useI18n } from '../i18n/i18n.js';
import { Segmented } from './segmented.js';

/** EN | RU, remembered in the browser. */
export function LanguageSwitch() {
  const { t, lang } = useI18n();
  return (
    <Segmented
      label={t('app.language')}
      className="lang"
      small
      options={LANGS}
      value={lang}
      onChange={setLang}
      render={(l) => (l === 'en' ? 'EN' : 'RU')}
      testId={(l) => `lang-${l}`}
    />
  );
}
