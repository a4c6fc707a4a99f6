// The seed's persona, shared so that Ajustes can offer "restore the original text".
export const DEFAULT_SHOP_NAME = 'Tecnovariedades D&S'

/** Where the shop's name goes in the bot's instructions: a word the owner reads, in Spanish. */
export const SHOP_NAME_PLACEHOLDER = '{tienda}'
/** The placeholder before `{tienda}`: instructions saved with it keep working. */
const OLD_SHOP_NAME_PLACEHOLDER = '{shopName}'

/** The seed's system prompt; `{tienda}` is filled from the settings. */
export const DEFAULT_SYSTEM_PROMPT =
  'Eres un asistente de ventas experto en {tienda}. Respondes de manera natural, amigable y profesional. ' +
  'Conoces todos los productos del catálogo y ayudas a los clientes a encontrar lo que necesitan.'

/** The instructions with the shop's name in place of `{tienda}` (or the old `{shopName}`). */
export function fillShopName(systemPrompt: string, shopName: string): string {
  return systemPrompt.replaceAll(SHOP_NAME_PLACEHOLDER, shopName).replaceAll(OLD_SHOP_NAME_PLACEHOLDER, shopName)
}

/** Instructions saved with the old English placeholder, shown with the Spanish one. */
export function withSpanishPlaceholder(systemPrompt: string): string {
  return systemPrompt.replaceAll(OLD_SHOP_NAME_PLACEHOLDER, SHOP_NAME_PLACEHOLDER)
}
