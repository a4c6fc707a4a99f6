import type { ApiFieldError } from '../../shared/api/errors'
import { isInsecureEndpoint } from '../../shared/endpoint-security'
import type { Settings } from '../../shared/types'

/**
 * A change that would send the shop's chats, or the cloud key, over the network in clear
 * text needs the owner's explicit yes (`confirmInsecure`). Only a change asks: an address
 * already in use (or coming from OLLAMA_HOST) was agreed to before.
 */
export function insecureEndpointProblems(previous: Settings, next: Settings): ApiFieldError[] {
  const problems: ApiFieldError[] = []
  if (next.llm.host !== previous.llm.host && isInsecureEndpoint(next.llm.host)) {
    problems.push({
      path: 'llm.host',
      message:
        'Esa dirección es de otro equipo y usa http://, sin cifrar: los mensajes de tus clientes viajarían por la red sin protección. ' +
        'Si es un equipo de tu red de confianza, confírmalo al guardar.',
    })
  }
  if (next.cloud.baseUrl !== previous.cloud.baseUrl && isInsecureEndpoint(next.cloud.baseUrl)) {
    problems.push({
      path: 'cloud.baseUrl',
      message:
        'La dirección del servicio en la nube no empieza por https://: la clave y los mensajes de tus clientes viajarían sin cifrar. ' +
        'Usa https:// o confírmalo al guardar.',
    })
  }
  return problems
}
