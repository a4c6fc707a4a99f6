// The shop's own country's phone numbers, as its customers write them. Without a country the
// scrubber reads the national formats of every Spanish-speaking market at once (numbers.ts);
// with one, that country's plan is read first, including the formats the all-countries rule
// cannot afford to accept for everyone (Brazil's 11-digit mobiles, a Peruvian "01" landline).
// International numbers ("+57 …", "0034 …") of every country are read either way.

import { countryByCode } from '../../../shared/countries'

export interface PhonePlan {
  /** Calling code, digits only. */
  callingCode: string
  /** A national number as dialled inside the country (trunk prefix included), digits only. */
  national: RegExp
  /** What follows the calling code in the international form, digits only. */
  international: RegExp
}

// Lengths and leading digits, not the full numbering plans: enough to tell a phone from an
// amount or a code, which is the question the scrubber asks.
const NANP = /^[2-9]\d{2}[2-9]\d{6}$/
const PLANS: Record<string, Omit<PhonePlan, 'callingCode'>> = {
  // 11 4123-4567 (area + number = 10), 011 …, mobiles 011 15-…, 11 15 …; +54 9 11 … abroad.
  AR: { national: /^(?:0?[1-3]\d{9}|0?[1-3]\d{1,3}15\d{6,8})$/, international: /^9?[1-3]\d{9}$/ },
  BO: { national: /^[2-7]\d{7}$/, international: /^[2-7]\d{7}$/ },
  // DDD + 9xxxx-xxxx (mobiles) or [2-5]xxx-xxxx (landlines), with or without the trunk 0.
  BR: { national: /^0?[1-9][1-9](?:9\d{8}|[2-5]\d{7})$/, international: /^[1-9][1-9](?:9\d{8}|[2-5]\d{7})$/ },
  CL: { national: /^[2-9]\d{8}$/, international: /^[2-9]\d{8}$/ },
  CO: { national: /^(?:3\d{9}|60[1-8]\d{7})$/, international: /^(?:3\d{9}|60[1-8]\d{7})$/ },
  CR: { national: /^[2-8]\d{7}$/, international: /^[2-8]\d{7}$/ },
  CU: { national: /^(?:5\d{7}|[2-47]\d{6,7})$/, international: /^(?:5\d{7}|[2-47]\d{6,7})$/ },
  DO: { national: /^1?8[024]9[2-9]\d{6}$/, international: /^8[024]9[2-9]\d{6}$/ },
  EC: { national: /^0(?:9\d{8}|[2-7]\d{7})$/, international: /^(?:9\d{8}|[2-7]\d{7})$/ },
  ES: { national: /^[6-9]\d{8}$/, international: /^[6-9]\d{8}$/ },
  GT: { national: /^[2-7]\d{7}$/, international: /^[2-7]\d{7}$/ },
  HN: { national: /^[2-9]\d{7}$/, international: /^[2-9]\d{7}$/ },
  // Ten digits since 2019; the old 044/045 and +52 1 mobile prefixes are still written.
  MX: { national: /^(?:04[45])?[1-9]\d{9}$/, international: /^1?[1-9]\d{9}$/ },
  NI: { national: /^[2-8]\d{7}$/, international: /^[2-8]\d{7}$/ },
  PA: { national: /^(?:6\d{7}|[2-9]\d{6})$/, international: /^(?:6\d{7}|[2-9]\d{6})$/ },
  PE: { national: /^(?:9\d{8}|01\d{7}|0[4-8]\d{7})$/, international: /^(?:9\d{8}|1\d{7}|[4-8]\d{7})$/ },
  PR: { national: /^1?(?:787|939)[2-9]\d{6}$/, international: /^(?:787|939)[2-9]\d{6}$/ },
  PY: { national: /^0(?:9[6-9]\d{7}|[2-8]\d{6,8})$/, international: /^(?:9[6-9]\d{7}|[2-8]\d{6,8})$/ },
  SV: { national: /^[267]\d{7}$/, international: /^[267]\d{7}$/ },
  US: { national: /^1?[2-9]\d{2}[2-9]\d{6}$/, international: NANP },
  UY: { national: /^(?:09\d{7}|[24]\d{7})$/, international: /^(?:9\d{7}|[24]\d{7})$/ },
  VE: { national: /^0[24]\d{9}$/, international: /^[24]\d{9}$/ },
}

/** The phone plan of a listed country; null for none or an unknown code (every market is read then). */
export function phonePlanOf(countryCode: string | null | undefined): PhonePlan | null {
  const country = countryByCode(countryCode)
  const plan = country ? PLANS[country.code] : undefined
  return country && plan ? { callingCode: country.callingCode, ...plan } : null
}

/** `digits` (separators removed, no "+") is a number of the plan's country, national or international. */
export function matchesPlan(plan: PhonePlan, digits: string): boolean {
  if (plan.national.test(digits)) return true
  if (digits.startsWith(plan.callingCode) && plan.international.test(digits.slice(plan.callingCode.length))) return true
  return digits.startsWith('00') && digits.startsWith(plan.callingCode, 2) && plan.international.test(digits.slice(2 + plan.callingCode.length))
}
