import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import 'dayjs/locale/vi';
import dayjs from 'dayjs';
import { viResources } from './resources';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'noiguong.language';

export function isLanguage(value: unknown): value is Language {
  return value === 'vi' || value === 'en';
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : 'vi';
  } catch {
    // Private browsing may forbid storage; Vietnamese is the default anyway.
    return 'vi';
  }
}

export function hasStoredLanguage(): boolean {
  try {
    return isLanguage(window.localStorage.getItem(STORAGE_KEY));
  } catch {
    return false;
  }
}

function applyDocumentLanguage(language: Language): void {
  document.documentElement.lang = language;
  dayjs.locale(language === 'vi' ? 'vi' : 'en');
}

/** `remember` is off when following the account's preference, so an explicit choice on this device still wins. */
export async function changeLanguage(language: Language, remember = true): Promise<void> {
  if (remember) {
    try {
      window.localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // Not remembered, but still switched for this visit.
    }
  }
  await loadLanguage(language);
  applyDocumentLanguage(language);
  await i18n.changeLanguage(language);
}

/** English texts are a separate download: most users never ask for them. */
async function loadLanguage(language: Language): Promise<void> {
  if (language === 'vi' || i18n.hasResourceBundle(language, 'translation')) return;
  const { enResources } = await import('./en-resources');
  i18n.addResourceBundle(language, 'translation', enResources);
}

const initialLanguage = readStoredLanguage();
applyDocumentLanguage(initialLanguage);

/** Resolves once the texts of the language shown first are in; the app renders after it. */
export const i18nReady: Promise<unknown> = i18n
  .use(initReactI18next)
  .init({
    resources: { vi: { translation: viResources } },
    lng: 'vi',
    fallbackLng: 'vi',
    interpolation: { escapeValue: false },
    returnNull: false,
  })
  .then(() => (initialLanguage === 'vi' ? undefined : changeLanguage(initialLanguage, false)));

export default i18n;
