import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { LANGS, type Lang } from '../format/format.js';
import { en } from './en.js';
import { ru } from './ru.js';

const STORAGE_KEY = 'firstline.lang';

function initialLang(): Lang {
  const stored = window.localStorage.getItem(STORAGE_KEY);
  if (stored && (LANGS as readonly string[]).includes(stored)) return stored as Lang;
  return window.navigator.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

/** i18next with real plural rules (Intl.PluralRules: Russian has one, few, many). */
export async function initI18n(): Promise<void> {
  const lng = initialLang();
  document.documentElement.lang = lng;
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ru: { translation: ru } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
}

export function setLang(lang: Lang): void {
  window.localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  void i18next.changeLanguage(lang);
}

/** The translation function and the current language, re-rendering when the language changes. */
export function useI18n() {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'ru' ? 'ru' : 'en';
  return { t, lang };
}
