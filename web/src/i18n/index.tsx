import { createContext, type ComponentChildren } from 'preact';
import { useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { en } from './en.js';
import { zh, type Messages } from './zh.js';

/** Chinese first; English for those who switch. */
export type Lang = 'zh' | 'en';

const CATALOGUES: Record<Lang, Messages> = { zh, en };
const STORE_KEY = 'sb.lang';

/** The language chosen earlier on this device, else Chinese (the product is for China). */
export function initialLang(): Lang {
  try {
    return localStorage.getItem(STORE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

interface I18nValue {
  readonly lang: Lang;
  readonly t: Messages;
  readonly setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18nValue>({ lang: 'zh', t: zh, setLang: () => undefined });

/** Provides the catalogue; keeps `<html lang>` in step so screen readers pronounce the page right. */
export function I18nProvider({ children }: { children: ComponentChildren }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  const value = useMemo<I18nValue>(
    () => ({
      lang,
      t: CATALOGUES[lang],
      setLang: (next) => {
        try {
          localStorage.setItem(STORE_KEY, next);
        } catch {
          // Private browsing may refuse storage; the switch still works for this visit.
        }
        setLangState(next);
      },
    }),
    [lang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export const useI18n = (): I18nValue => useContext(I18nContext);

/** A bilingual label from the API (`{ zh, en }`) in the page's language. */
export const pick = (label: { readonly zh: string; readonly en: string } | undefined, lang: Lang, fallback = ''): string =>
  label ? (lang === 'en' ? label.en || label.zh : label.zh || label.en) : fallback;

/** Whole yuan, grouped the way each language writes it. */
export const formatYuan = (value: number, lang: Lang): string =>
  new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { style: 'currency', currency: 'CNY', maximumFractionDigits: 0 }).format(value);

export const formatNumber = (value: number, lang: Lang, digits = 0): string =>
  new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: digits }).format(value);

/** A moment as a date and time a person reads (`2025/3/14 09:30`), or the text as given if it is not a date. */
export const formatDateTime = (iso: string, lang: Lang): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en', { dateStyle: 'short', timeStyle: 'short' }).format(date);
};

export const formatPercent = (share: number, lang: Lang): string =>
  new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { style: 'percent', maximumFractionDigits: 0 }).format(share);
