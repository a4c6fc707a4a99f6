import type { MessageKey } from './es'

export const en: Record<MessageKey, string> = {
  'app.name': 'autodidacta',
  'app.tagline': 'Your WhatsApp seller that learns',

  'nav.conversations': 'Conversations',
  'nav.review': 'Review',
  'nav.stats': 'Statistics',
  'nav.training': 'Training',
  'nav.catalog': 'Catalog',
  'nav.settings': 'Settings',
  'nav.pairing': 'Link WhatsApp',

  'status.whatsapp': 'WhatsApp',
  'status.whatsapp.unpaired': 'Not linked',
  'status.whatsapp.connecting': 'Connecting…',
  'status.whatsapp.open': 'Connected',
  'status.whatsapp.closed': 'Disconnected',
  'status.whatsapp.logged_out': 'Logged out',
  'status.model': 'Model',
  'status.model.unknown': 'Checking {model}…',
  'status.model.ready': '{model} ready',
  'status.model.unreachable': 'Ollama is not answering',
  'status.model.model_missing': 'Model {model} missing',
  'status.model.error': 'Model error',
  'status.waiting.one': '1 message waiting for the model',
  'status.waiting.other': '{count} messages waiting for the model',
  'status.server.reconnecting': 'Reconnecting to the server…',
  'status.checkAgain': 'Check again',

  'banner.unreachable':
    'The bot cannot answer: Ollama is not answering at {host}. Customer messages are kept and will be answered when it is back. Start Ollama or check the address in Settings.',
  'banner.model_missing':
    'The bot cannot answer: model “{model}” is not installed. Install it with “ollama pull {model}” or pick another in Settings. Messages are kept.',
  'banner.error': 'The model returned an error: {detail}',

  'conversations.title': 'Conversations',
  'conversations.empty.title': 'No conversations yet',
  'conversations.empty.body':
    'Your customers’ chats will show here once WhatsApp is linked. Meanwhile, use “Try the bot” to write to it as a customer.',
  'conversations.pickOne': 'Pick a conversation to see its messages.',
  'conversations.mode.bot': 'Bot',
  'conversations.mode.paused': 'Paused',
  'conversations.mode.human': 'You',
  'conversations.simulated': 'Test',
  'conversations.noMessages': 'No messages',

  'message.author.customer': 'Customer',
  'message.author.bot': 'Bot',
  'message.author.owner': 'You',
  'message.reply.pending': 'The bot is thinking…',
  'message.reply.waiting_model': 'Waiting for the model',
  'message.reply.failed': 'No answer: {error}',
  'message.reply.skipped': 'The bot does not answer in this chat',
  'message.status.queued': 'Queued',
  'message.status.failed': 'Could not be sent',
  'message.model': 'Answered by {model}',

  'simulator.title': 'Try the bot',
  'simulator.hint': 'Write as a customer would: the message takes the same path as a WhatsApp one.',
  'simulator.from': 'Customer',
  'simulator.from.default': 'Test customer',
  'simulator.text': 'Message',
  'simulator.text.placeholder': 'Hi, do you have piano courses?',
  'simulator.send': 'Send',
  'simulator.sending': 'Sending…',

  'review.title': 'Review',
  'review.empty.title': 'Nothing to review yet',
  'review.empty.body':
    'Here you will review the bot’s answers: score them 1 to 5, approve, reject or rewrite the ones you dislike. What you correct is what the bot learns.',
  'stats.title': 'Statistics',
  'stats.empty.title': 'Statistics come with conversations',
  'stats.empty.body':
    'Here you will see whether the bot improves: scores by category, success rate per day and per model version, and how many quality examples you have.',
  'training.title': 'Training',
  'training.empty.title': 'No trainings yet',
  'training.empty.body':
    'With one click you will train your local model on the best conversations, watch the progress and the learning curve, and the new model only goes live if it answers better.',
  'catalog.title': 'Catalog',
  'catalog.empty.title': 'Your catalog is empty',
  'catalog.empty.body':
    'Here you will import your products (CSV or JSON) with name, price and description. The bot only quotes prices that are in your catalog.',
  'pairing.title': 'Link WhatsApp',
  'pairing.empty.title': 'Link your shop’s number',
  'pairing.empty.body':
    'A QR code will appear here. On your phone open WhatsApp › Linked devices › Link a device and scan it. Meanwhile you can try the bot in Conversations.',

  'settings.title': 'Settings',
  'settings.llm': 'Language model (Ollama)',
  'settings.llm.host': 'Ollama address',
  'settings.llm.model': 'Model',
  'settings.llm.temperature': 'Temperature',
  'settings.persona': 'Your shop',
  'settings.persona.shopName': 'Shop name',
  'settings.persona.systemPrompt': 'Instructions for the bot',
  'settings.persona.systemPrompt.hint': '{shopName} is replaced by your shop’s name.',
  'settings.history': 'Earlier messages the bot sees',
  'settings.locale': 'Language',
  'settings.save': 'Save',
  'settings.saved': 'Saved',
  'settings.test': 'Test connection',
  'settings.test.ok': 'Connection works: {model} is ready.',

  'login.title': 'Access key missing',
  'login.body':
    'This panel is protected. Open the full link the server printed when it started (it includes “#token=…”), or paste the token from server.json here.',
  'login.token': 'Token',
  'login.submit': 'Enter',

  'error.generic': 'Something went wrong: {message}',
  'error.invalid_input': 'Check the data: {message}',
}
