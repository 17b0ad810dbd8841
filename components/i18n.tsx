import { type ComponentChildren, createContext } from 'preact';
import { useContext, useEffect, useMemo } from 'preact/hooks';
import { createTranslator, type LanguageSetting, type Locale, resolveLocale, type Translate } from '@/utils/i18n';

interface I18n {
  locale: Locale;
  t: Translate;
}

const I18nContext = createContext<I18n>({ locale: 'en', t: createTranslator('en') });

/** Provides the translator for the agent's language to everything below it. */
export function I18nProvider(props: { language: LanguageSetting; uiLanguage: string; children: ComponentChildren }) {
  const locale = resolveLocale(props.language, props.uiLanguage);
  const value = useMemo(() => ({ locale, t: createTranslator(locale) }), [locale]);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
