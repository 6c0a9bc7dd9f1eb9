/** Dockhand speaks Korean first; English when the caller's locale is English. */
export type Locale = 'ko' | 'en';

/** A piece of user-facing text in both languages. */
export interface Localized {
  ko: string;
  en: string;
}

/**
 * Resolves user-facing text for one locale. This is dockhand's one localization mechanism:
 * text is written as `{ ko, en }` side by side and resolved with `t(...)`; handlers reach it
 * as `ctx.t`, domain code that speaks to members takes a `Translate` argument.
 */
export type Translate = (text: Localized) => string;

export function translator(locale: Locale): Translate {
  return (text) => text[locale];
}

/** Discord sends locales such as `ko`, `en-US`, `en-GB`; anything not English is served in Korean. */
export function localeFrom(raw: string | null | undefined): Locale {
  return raw?.toLowerCase().startsWith('en') ? 'en' : 'ko';
}
