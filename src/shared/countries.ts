// The countries a shop picks from in "Primeros pasos" and Ajustes: every Spanish-speaking country
// of the Americas, Spain, the United States and Brazil. Choosing one sets the shop's currency,
// how numbers and dates are written, the phone formats the personal-data scrubber reads first,
// and the time zone (from the country's own list). Pure data: the renderer imports it too.

export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string
  /** The name as a Spanish speaker writes it. */
  name: string
  /** ISO 4217: what the catalog's prices are in when a row names no currency. */
  currency: string
  /** The Intl locale tag for numbers and dates. */
  locale: string
  /** International calling code, digits only ("57"; the NANP countries share "1"). */
  callingCode: string
  /** IANA time zones, the most populous first: the first is the default. */
  timeZones: readonly string[]
}

export const COUNTRIES: readonly Country[] = [
  {
    code: 'AR',
    name: 'Argentina',
    currency: 'ARS',
    locale: 'es-AR',
    callingCode: '54',
    // The whole country keeps one offset today; the provinces' zones are listed by population.
    timeZones: ['America/Argentina/Buenos_Aires', 'America/Argentina/Cordoba', 'America/Argentina/Mendoza', 'America/Argentina/Tucuman', 'America/Argentina/Salta', 'America/Argentina/Ushuaia'],
  },
  { code: 'BO', name: 'Bolivia', currency: 'BOB', locale: 'es-BO', callingCode: '591', timeZones: ['America/La_Paz'] },
  { code: 'BR', name: 'Brasil', currency: 'BRL', locale: 'pt-BR', callingCode: '55', timeZones: ['America/Sao_Paulo', 'America/Bahia', 'America/Fortaleza', 'America/Recife', 'America/Belem', 'America/Manaus', 'America/Cuiaba', 'America/Campo_Grande', 'America/Porto_Velho', 'America/Rio_Branco', 'America/Boa_Vista', 'America/Noronha'] },
  { code: 'CL', name: 'Chile', currency: 'CLP', locale: 'es-CL', callingCode: '56', timeZones: ['America/Santiago', 'America/Punta_Arenas', 'Pacific/Easter'] },
  { code: 'CO', name: 'Colombia', currency: 'COP', locale: 'es-CO', callingCode: '57', timeZones: ['America/Bogota'] },
  { code: 'CR', name: 'Costa Rica', currency: 'CRC', locale: 'es-CR', callingCode: '506', timeZones: ['America/Costa_Rica'] },
  { code: 'CU', name: 'Cuba', currency: 'CUP', locale: 'es-CU', callingCode: '53', timeZones: ['America/Havana'] },
  { code: 'EC', name: 'Ecuador', currency: 'USD', locale: 'es-EC', callingCode: '593', timeZones: ['America/Guayaquil', 'Pacific/Galapagos'] },
  { code: 'SV', name: 'El Salvador', currency: 'USD', locale: 'es-SV', callingCode: '503', timeZones: ['America/El_Salvador'] },
  { code: 'ES', name: 'España', currency: 'EUR', locale: 'es-ES', callingCode: '34', timeZones: ['Europe/Madrid', 'Atlantic/Canary', 'Africa/Ceuta'] },
  {
    code: 'US',
    name: 'Estados Unidos',
    currency: 'USD',
    locale: 'es-US',
    callingCode: '1',
    timeZones: ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'America/Denver', 'America/Phoenix', 'America/Anchorage', 'Pacific/Honolulu'],
  },
  { code: 'GT', name: 'Guatemala', currency: 'GTQ', locale: 'es-GT', callingCode: '502', timeZones: ['America/Guatemala'] },
  { code: 'HN', name: 'Honduras', currency: 'HNL', locale: 'es-HN', callingCode: '504', timeZones: ['America/Tegucigalpa'] },
  {
    code: 'MX',
    name: 'México',
    currency: 'MXN',
    locale: 'es-MX',
    callingCode: '52',
    timeZones: ['America/Mexico_City', 'America/Monterrey', 'America/Tijuana', 'America/Mazatlan', 'America/Hermosillo', 'America/Merida', 'America/Chihuahua', 'America/Ciudad_Juarez', 'America/Cancun'],
  },
  { code: 'NI', name: 'Nicaragua', currency: 'NIO', locale: 'es-NI', callingCode: '505', timeZones: ['America/Managua'] },
  // The balboa is pegged to the dollar and the notes in people's hands are dollars: shops price in USD.
  { code: 'PA', name: 'Panamá', currency: 'USD', locale: 'es-PA', callingCode: '507', timeZones: ['America/Panama'] },
  { code: 'PY', name: 'Paraguay', currency: 'PYG', locale: 'es-PY', callingCode: '595', timeZones: ['America/Asuncion'] },
  { code: 'PE', name: 'Perú', currency: 'PEN', locale: 'es-PE', callingCode: '51', timeZones: ['America/Lima'] },
  { code: 'PR', name: 'Puerto Rico', currency: 'USD', locale: 'es-PR', callingCode: '1', timeZones: ['America/Puerto_Rico'] },
  { code: 'DO', name: 'República Dominicana', currency: 'DOP', locale: 'es-DO', callingCode: '1', timeZones: ['America/Santo_Domingo'] },
  { code: 'UY', name: 'Uruguay', currency: 'UYU', locale: 'es-UY', callingCode: '598', timeZones: ['America/Montevideo'] },
  { code: 'VE', name: 'Venezuela', currency: 'VES', locale: 'es-VE', callingCode: '58', timeZones: ['America/Caracas'] },
]

export function countryByCode(code: string | null | undefined): Country | null {
  if (!code) return null
  const upper = code.trim().toUpperCase()
  return COUNTRIES.find((c) => c.code === upper) ?? null
}

/** A locale tag some listed country uses ("es-CO", "pt-BR"). */
export function isCountryLocale(tag: string): boolean {
  return COUNTRIES.some((c) => c.locale === tag)
}

/** An ISO 4217 code Intl knows (it can format prices in it). */
export function isKnownCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false
  try {
    return Intl.supportedValuesOf('currency').includes(code)
  } catch {
    // An engine without supportedValuesOf: the formatter still rejects what it does not know.
    try {
      new Intl.NumberFormat('en', { style: 'currency', currency: code })
      return true
    } catch {
      return false
    }
  }
}

/** An IANA zone name Intl accepts ("America/Bogota"). */
export function isValidTimeZone(zone: string): boolean {
  if (zone.trim() === '') return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone })
    return true
  } catch {
    return false
  }
}
