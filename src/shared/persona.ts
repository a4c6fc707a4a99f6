// The seed's persona, shared so that Ajustes can offer "restore the original text".
export const DEFAULT_SHOP_NAME = 'Tecnovariedades D&S'

/** The seed's system prompt; `{shopName}` is filled from the settings. */
export const DEFAULT_SYSTEM_PROMPT =
  'Eres un asistente de ventas experto en {shopName}. Respondes de manera natural, amigable y profesional. ' +
  'Conoces todos los productos del catálogo y ayudas a los clientes a encontrar lo que necesitan.'
