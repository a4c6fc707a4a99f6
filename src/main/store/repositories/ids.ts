import { createId } from '@paralleldrive/cuid2'

/** Collision-resistant ids (cuid2), as the seed's `@default(cuid())`. */
export const newId = (): string => createId()
