// The countries list as the screens use it: sorted by its Spanish name, with the currency's name in words.
import { COUNTRIES, type Country } from '../../../../shared/countries'

export interface CountryView {
  code: string
  name: string
  currency: string
  numberLocale: string
  timezones: readonly string[]
}

function view(country: Country): CountryView {
  return { code: country.code, name: country.name, currency: country.currency, numberLocale: country.locale, timezones: country.timeZones }
}

/** Every country a shop may pick, alphabetical as a Spanish speaker reads it. */
export function shopCountries(): CountryView[] {
  return COUNTRIES.map(view).sort((a, b) => a.name.localeCompare(b.name, 'es'))
}

export function countryOf(code: string | null): CountryView | null {
  const found = code ? COUNTRIES.find((c) => c.code === code) : undefined
  return found ? view(found) : null
}

/** "peso colombiano"; the code itself when Intl does not know the name. */
export function currencyName(code: string): string {
  try {
    const name = new Intl.DisplayNames('es', { type: 'currency' }).of(code)
    return name ? name.charAt(0).toLocaleUpperCase('es') + name.slice(1) : code
  } catch {
    return code
  }
}

/** Every currency of the listed countries, once, for the Ajustes list. */
export function shopCurrencies(): string[] {
  return [...new Set(COUNTRIES.map((c) => c.currency))].sort()
}

/** Every number format of the listed countries, once. */
export function shopNumberLocales(): string[] {
  return [...new Set(COUNTRIES.map((c) => c.locale))].sort()
}
