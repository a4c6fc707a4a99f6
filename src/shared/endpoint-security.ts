// Which server addresses send the shop's data across a network unencrypted. Shared so the
// core refuses them without a confirmation and Ajustes knows when to ask for one.

/** True for `http://` to anything but this computer: chats (and any API key) travel in clear text. */
export function isInsecureEndpoint(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (parsed.protocol !== 'http:') return false
  return !isLoopbackHost(parsed.hostname)
}

/** `localhost`, 127.0.0.0/8 and ::1: traffic that never leaves the machine. */
function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host)
}

/**
 * Whether two endpoint URLs reach the same server (scheme, host and port). A key given to
 * one server must not be sent to another; a different path on the same server is the same party.
 */
export function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin
  } catch {
    return a === b
  }
}
