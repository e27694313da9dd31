/**
 * The UI language: chosen in the header or the native menu, remembered in the database, and
 * offered to every component through `useT()`.
 */
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { Language } from '../../../shared/case/schema';
import { translate, type MessageKey } from './messages';

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | undefined>(undefined);

/** The BCP 47 tag used for `lang` attributes and date formatting. */
export const LOCALE_OF: Record<Language, string> = { 'zh-TW': 'zh-Hant-TW', 'zh-CN': 'zh-Hans-CN', en: 'en' };

export function I18nProvider({ language, setLanguage, children }: { language: Language; setLanguage: (l: Language) => void; children: ReactNode }) {
  const t = useCallback<Translate>((key, values) => translate(language, key, values), [language]);
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The current language, its setter and the translate function. */
export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
