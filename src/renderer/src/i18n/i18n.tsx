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

const I18nContext = createContext<{ locale: Locale; t: Translate }>({ locale: 'es', t: translator('es') })

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <I18nContext.Provider value={{ locale, t: translator(locale) }}>{children}</I18nContext.Provider>
}

export function useT(): Translate {
  return useContext(I18nContext).t
}

function isCategory(name: string): name is Category {
  return (CATEGORIES as readonly string[]).includes(name)
}

/** A category the core names, in words; one this window does not know (a newer core) is shown as named. */
export function categoryLabel(t: Translate, category: string): string {
  return isCategory(category) ? t(`category.${category}`) : category
}
