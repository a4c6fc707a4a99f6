import { Fragment, type ReactNode } from 'react'

/**
 * Renders `*words*` in a translated string as bold, so instructions can name WhatsApp's
 * buttons the way the phone shows them without splitting sentences into many keys.
 */
export function richText(text: string): ReactNode {
  return text.split('*').map((part, index) => (index % 2 === 1 ? <strong key={index}>{part}</strong> : <Fragment key={index}>{part}</Fragment>))
}
