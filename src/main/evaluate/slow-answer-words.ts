// Slow to answer, not to deliver: "tardan horas en contestar", "se demoran una semana en
// responder". The scorer reads it as a complaint about the service and the category keeps its
// "tardan" from reading as shipping; one pattern for both.
export const SLOW_ANSWER_PATTERN =
  'tarda|tardan|tardaron|demora|demoran|demoraron|demoro|tardo horas|dias|siglos|mucho|muchisimo|demasiado|una|un|media|dos|tres? hora|horas|dia|dias|rato|semana|semanas? en contestar|responder|atender|contestarme|responderme|atenderme'
