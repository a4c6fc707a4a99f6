import { checkLinkPhone, compactPhone, type LinkPhoneCheck } from '../../../../shared/phone-number'

/** What the owner typed: the country code box (prefilled from the shop's country) and the number. */
export interface PhoneDraft {
  prefix: string
  number: string
}

/**
 * The number as the API wants it, or why not. People type numbers the way they read them
 * ("300 123-4567", "(300) …"); a number typed with its own "+" or "00" keeps its code and the
 * box is ignored; otherwise the box's code goes in front. An empty box leaves the number to the
 * shared rule, which refuses it without a country code.
 */
export function draftToPhone(draft: PhoneDraft, country: string | null): LinkPhoneCheck {
  const number = compactPhone(draft.number)
  const prefix = draft.prefix.replace(/[^0-9]/g, '')
  if (number.startsWith('+') || prefix === '') return checkLinkPhone(number, country)
  return checkLinkPhone(`+${prefix}${number}`, country)
}
