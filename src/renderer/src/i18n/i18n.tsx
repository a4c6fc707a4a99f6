import { createContext, useContext, type ReactNode } from 'react'
import { CATEGORIES, type Category } from '../../../shared/types'
import { en } from './en'
import { es, type MessageKey } from './es'

export type Locale = 'es' | 'en'
const dictionaries: Record<Locale, Record<MessageKey, string>> = { es, en }

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string

function translator(locale: Locale): Translate {
  const dictionary = dictionaries[locale] ?? es
  return (key, vars) => {
    const template = dictionary[key] ?? es[key]
    return vars ? template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole)) : template
  }
}

/** Numbers and money follow the shop's country (es-MX, es-AR…), not the screen's language. */
const DEFAULT_NUMBER_LOCALE: Record<Locale, string> = { es: 'es-CO', en: 'en-US' }

const I18nContext = createContext<{ locale: Locale; numberLocale: string; t: Translate }>({ locale: 'es', numberLocale: 'es-CO', t: translator('es') })

export function I18nProvider({ locale, numberLocale, children }: { locale: Locale; numberLocale?: string | null; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, numberLocale: numberLocale ?? DEFAULT_NUMBER_LOCALE[locale], t: translator(locale) }}>{children}</I18nContext.Provider>
}

export function useT(): Translate {
  return useContext(I18nContext).t
}

/** The Intl tag numbers and prices are written with on the owner's screens. */
export function useNumberLocale(): string {
  return useContext(I18nContext).numberLocale
}

function isCategory(name: string): name is Category {
  return (CATEGORIES as readonly string[]).includes(name)
}

/** A category the core names, in words; one this window does not know (a newer core) is shown as named. */
export function categoryLabel(t: Translate, category: string): string {
  return isCategory(category) ? t(`category.${category}`) : category
}
