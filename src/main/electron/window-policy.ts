// Pure rules of the app window, kept apart from the shell so a unit test can load them
// without Electron: this file must not import electron.

/** The only web permission the page may have: notifications ("a customer asks for a person"). */
const ALLOWED_PERMISSIONS = new Set(['notifications'])

/** Camera, microphone, geolocation, clipboard, USB…: a chat console needs none of them. */
export function isPermissionAllowed(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission)
}

/**
 * Whether `url` is the app's own page. Exact, up to the fragment (the app's routes live in
 * it): a prefix test let `file:///…/renderer/../../evil.html`, a sibling file, or
 * `http://localhost:5173.evil.example` through.
 */
export function isAppPage(url: string, appUrl: string): boolean {
  const page = withoutFragment(url)
  return page !== null && page === withoutFragment(appUrl)
}

function withoutFragment(url: string): string | null {
  try {
    const parsed = new URL(url)
    parsed.hash = ''
    return parsed.href
  } catch {
    return null
  }
}
