/** Dockhand speaks Korean first; English when the caller's locale is English. */
export type Locale = 'ko' | 'en';

/** A piece of user-facing text in both languages. */
export interface Localized {
  ko: string;
  en: string;
}

export function pick(text: Localized | string, locale: Locale): string {
  return typeof text === 'string' ? text : text[locale];
}

/** Discord sends locales such as `ko`, `en-US`, `en-GB`; anything not English is served in Korean. */
export function localeFrom(raw: string | null | undefined): Locale {
  return raw?.toLowerCase().startsWith('en') ? 'en' : 'ko';
}
