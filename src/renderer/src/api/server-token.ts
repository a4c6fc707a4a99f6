const KEY = 'autodidacta.token'

/**
 * The headless server's token arrives in the URL fragment (`#token=…`), which browsers never
 * send over the network; it is kept for the tab's life and removed from the address bar.
 */
export function takeServerToken(): string | null {
  const match = /(?:^#|&)token=([0-9a-f]+)/i.exec(window.location.hash)
  if (match?.[1]) {
    sessionStorage.setItem(KEY, match[1])
    history.replaceState(null, '', window.location.pathname + window.location.search)
    return match[1]
  }
  return sessionStorage.getItem(KEY)
}

export function forgetServerToken(): void {
  sessionStorage.removeItem(KEY)
}
