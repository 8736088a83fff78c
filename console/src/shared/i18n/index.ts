import { createI18n } from 'vue-i18n'
// the catalogues are JSON so that the build compiles their messages (unplugin-vue-i18n): the
// console ships vue-i18n's runtime without its message compiler and compiles nothing in the browser
import zhCN from './zh-CN.json'

export type Locale = 'zh-CN' | 'en'

/** The shape of a catalogue: every key of zh-CN, with a text at each leaf. */
type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> }

const LOCALE_KEY = 'zhaoshang.locale'

/**
 * All text lives in the catalogues: zh-CN (the default, in the first load) and en, loaded when a
 * user picks it (or picked it before), which the type check holds to zh-CN's keys.
 */
export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: 'zh-CN',
  // typed with both locales: en's messages are set by setLocale before en is ever the locale
  messages: { 'zh-CN': zhCN } as Record<Locale, Catalogue<typeof zhCN>>,
})

export async function setLocale(locale: Locale): Promise<void> {
  if (locale === 'en' && !i18n.global.availableLocales.includes('en')) {
    const en: Catalogue<typeof zhCN> = (await import('./en.json')).default
    i18n.global.setLocaleMessage('en', en)
  }
  i18n.global.locale.value = locale
  localStorage.setItem(LOCALE_KEY, locale)
  document.documentElement.lang = locale
}

/** The language the user picked before, its catalogue loaded: before the console is mounted. */
export async function restoreLocale(): Promise<void> {
  if (localStorage.getItem(LOCALE_KEY) === 'en') {
    await setLocale('en')
  }
}
