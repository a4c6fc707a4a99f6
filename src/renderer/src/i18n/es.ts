// Spanish is the app's language; every other locale must provide the same keys.
export const es = {
  'app.name': 'autodidacta',
  'app.tagline': 'Tu vendedor por WhatsApp que aprende',

  'nav.conversations': 'Conversaciones',
  'nav.review': 'Revisión',
  'nav.stats': 'Estadísticas',
  'nav.training': 'Entrenamiento',
  'nav.catalog': 'Catálogo',
  'nav.settings': 'Ajustes',
  'nav.pairing': 'Vincular WhatsApp',

  'status.whatsapp': 'WhatsApp',
  'status.whatsapp.unpaired': 'Sin vincular',
  'status.whatsapp.connecting': 'Conectando…',
  'status.whatsapp.open': 'Conectado',
  'status.whatsapp.closed': 'Desconectado',
  'status.whatsapp.logged_out': 'Sesión cerrada',
  'status.model': 'Modelo',
  'status.model.unknown': 'Comprobando {model}…',
  'status.model.ready': '{model} listo',
  'status.model.unreachable': 'Ollama no responde',
  'status.model.model_missing': 'Falta el modelo {model}',
  'status.model.error': 'Error del modelo',
  'status.waiting.one': '1 mensaje espera al modelo',
  'status.waiting.other': '{count} mensajes esperan al modelo',
  'status.server.reconnecting': 'Reconectando con el servidor…',
  'status.checkAgain': 'Comprobar de nuevo',

  'banner.unreachable':
    'El bot no puede responder: Ollama no responde en {host}. Los mensajes de tus clientes quedan guardados y se responderán cuando vuelva. Abre Ollama o revisa la dirección en Ajustes.',
  'banner.model_missing':
    'El bot no puede responder: el modelo «{model}» no está instalado. Instálalo con «ollama pull {model}» o elige otro en Ajustes. Los mensajes quedan guardados.',
  'banner.error': 'El modelo devolvió un error: {detail}',

  'conversations.title': 'Conversaciones',
  'conversations.empty.title': 'Aún no hay conversaciones',
  'conversations.empty.body':
    'Aquí aparecerán los chats de tus clientes en cuanto vincules WhatsApp. Mientras tanto, usa «Probar el bot» para escribirle como si fueras un cliente.',
  'conversations.pickOne': 'Elige una conversación para ver los mensajes.',
  'conversations.mode.bot': 'Bot',
  'conversations.mode.paused': 'Pausado',
  'conversations.mode.human': 'Tú',
  'conversations.simulated': 'Prueba',
  'conversations.noMessages': 'Sin mensajes',

  'message.author.customer': 'Cliente',
  'message.author.bot': 'Bot',
  'message.author.owner': 'Tú',
  'message.reply.pending': 'El bot está pensando…',
  'message.reply.waiting_model': 'Esperando al modelo',
  'message.reply.failed': 'Sin respuesta: {error}',
  'message.reply.skipped': 'El bot no responde en este chat',
  'message.status.queued': 'En cola',
  'message.status.failed': 'No se pudo enviar',
  'message.model': 'Respondió {model}',

  'simulator.title': 'Probar el bot',
  'simulator.hint': 'Escribe como si fueras un cliente: el mensaje recorre el mismo camino que uno de WhatsApp.',
  'simulator.from': 'Cliente',
  'simulator.from.default': 'Cliente de prueba',
  'simulator.text': 'Mensaje',
  'simulator.text.placeholder': 'Hola, ¿tienen cursos de piano?',
  'simulator.send': 'Enviar',
  'simulator.sending': 'Enviando…',

  'review.title': 'Revisión',
  'review.empty.title': 'Nada que revisar todavía',
  'review.empty.body':
    'Aquí revisarás las respuestas del bot: pondrás nota de 1 a 5, aprobarás, rechazarás o reescribirás las que no te gusten. Lo que corrijas es lo que el bot aprenderá.',
  'stats.title': 'Estadísticas',
  'stats.empty.title': 'Las estadísticas llegarán con las conversaciones',
  'stats.empty.body':
    'Aquí verás si el bot mejora: notas por categoría, tasa de éxito por día y por versión del modelo, y cuántos ejemplos de calidad tienes.',
  'training.title': 'Entrenamiento',
  'training.empty.title': 'Todavía no hay entrenamientos',
  'training.empty.body':
    'Con un clic entrenarás tu modelo local con las mejores conversaciones. Verás el progreso y la curva de aprendizaje, y el nuevo modelo solo se usará si responde mejor que el actual.',
  'catalog.title': 'Catálogo',
  'catalog.empty.title': 'Tu catálogo está vacío',
  'catalog.empty.body':
    'Aquí importarás tus productos (CSV o JSON) con nombre, precio y descripción. El bot solo dará precios que estén en tu catálogo.',
  'pairing.title': 'Vincular WhatsApp',
  'pairing.empty.title': 'Vincula el número de tu tienda',
  'pairing.empty.body':
    'Aquí aparecerá un código QR. En tu teléfono abre WhatsApp › Dispositivos vinculados › Vincular un dispositivo y escanéalo. Mientras tanto puedes probar el bot en Conversaciones.',

  'settings.title': 'Ajustes',
  'settings.llm': 'Modelo de lenguaje (Ollama)',
  'settings.llm.host': 'Dirección de Ollama',
  'settings.llm.model': 'Modelo',
  'settings.llm.temperature': 'Temperatura',
  'settings.persona': 'Tu tienda',
  'settings.persona.shopName': 'Nombre de la tienda',
  'settings.persona.systemPrompt': 'Instrucciones para el bot',
  'settings.persona.systemPrompt.hint': '{shopName} se reemplaza por el nombre de tu tienda.',
  'settings.history': 'Mensajes anteriores que ve el bot',
  'settings.locale': 'Idioma',
  'settings.save': 'Guardar',
  'settings.saved': 'Guardado',
  'settings.test': 'Probar conexión',
  'settings.test.ok': 'Conexión correcta: {model} está listo.',

  'login.title': 'Falta la llave de acceso',
  'login.body':
    'Este panel está protegido. Abre el enlace completo que mostró el servidor al arrancar (incluye «#token=…»), o pega aquí el token de server.json.',
  'login.token': 'Token',
  'login.submit': 'Entrar',

  'error.generic': 'Algo salió mal: {message}',
  'error.invalid_input': 'Revisa los datos: {message}',
} as const

export type MessageKey = keyof typeof es
