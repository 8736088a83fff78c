import { createI18n } from 'vue-i18n'
// the catalogues are JSON so that the build compiles their messages (unplugin-vue-i18n): the
// console ships vue-i18n's runtime without its message compiler and compiles nothing in the browser
import zhCN from './zh-CN.json'
import en from './en.json'

export type Locale = 'zh-CN' | 'en'

/** The shape of a catalogue: every key of zh-CN, with a text at each leaf. */
type Catalogue<T> = { [K in keyof T]: T[K] extends string ? string : Catalogue<T[K]> }

const LOCALE_KEY = 'zhaoshang.locale'

function initialLocale(): Locale {
  return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN'
}

/** All text lives in these catalogues: zh-CN (the default) and en, which the type check holds to zh-CN's keys. */
export const i18n = createI18n({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en: en satisfies Catalogue<typeof zhCN> },
})

export function setLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  localStorage.setItem(LOCALE_KEY, locale)
  document.documentElement.lang = locale
}
