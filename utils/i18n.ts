import en from '../public/_locales/en/messages.json';
import zhCN from '../public/_locales/zh_CN/messages.json';

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
export type LanguageSetting = 'auto' | Locale;
export type MessageKey = keyof typeof en;
export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

type Catalog = Record<string, { message: string }>;

const CATALOGS: Record<Locale, Catalog> = { en, 'zh-CN': zhCN };

/** Whether a text is the name of a message in the catalogs, as a schema's message may be. */
export function isMessageKey(text: string): text is MessageKey {
  return Object.hasOwn(CATALOGS.en, text);
}

/** The locale to show: the agent's choice, else the browser's UI language. */
export function resolveLocale(setting: LanguageSetting, uiLanguage: string): Locale {
  if (setting !== 'auto') return setting;
  return uiLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** A translator for one locale over the extension's own `_locales` catalogs; $1..$9 are substituted. */
export function createTranslator(locale: Locale): Translate {
  const catalog = CATALOGS[locale];
  return (key, ...substitutions) => {
    const template = catalog[key]?.message ?? CATALOGS.en[key]?.message ?? key;
    return template.replace(/\$(\d)/g, (whole, index: string) => {
      const value = substitutions[Number(index) - 1];
      return value === undefined ? whole : String(value);
    });
  };
}
