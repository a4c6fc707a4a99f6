// Which pages the app opens in the owner's browser: official ones only, so a message or a
// catalog cell can never make the app open an arbitrary address.

const ALLOWED_HOSTS = ['ollama.com']

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL
  try {
    url = new URL(raw)
  } catch {
    return false
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false
  const host = url.hostname.toLowerCase()
  return ALLOWED_HOSTS.some((allowed) => host === allowed || host.endsWith(`.${allowed}`))
}
