import { describe, expect, it } from 'vitest'
import { isAppPage, isPermissionAllowed } from '../../../src/main/electron/window-policy'

describe('the app window policy', () => {
  it('grants notifications and nothing else', () => {
    expect(isPermissionAllowed('notifications')).toBe(true)
    for (const permission of ['media', 'geolocation', 'clipboard-read', 'clipboard-sanitized-write', 'midi', 'hid', 'serial', 'usb', 'openExternal', 'pointerLock', 'fullscreen', 'display-capture', 'unknown']) {
      expect(isPermissionAllowed(permission), permission).toBe(false)
    }
  })

  it('accepts the exact app page, with any route in the fragment', () => {
    const built = 'file:///opt/autodidacta/resources/app.asar/out/renderer/index.html'
    expect(isAppPage(built, built)).toBe(true)
    expect(isAppPage(`${built}#/entrenamiento`, built)).toBe(true)
    expect(isAppPage('http://localhost:5173/', 'http://localhost:5173')).toBe(true)
    expect(isAppPage('http://localhost:5173/#/ajustes', 'http://localhost:5173')).toBe(true)
  })

  it('refuses what a prefix test let through', () => {
    const built = 'file:///opt/autodidacta/resources/app.asar/out/renderer/index.html'
    expect(isAppPage('file:///tmp/renderer/evil.html', built)).toBe(false)
    expect(isAppPage('file:///opt/autodidacta/resources/app.asar/out/renderer/other.html', built)).toBe(false)
    expect(isAppPage(`${built}?x=1`, built)).toBe(false)
    expect(isAppPage('http://localhost:5173.evil.example/', 'http://localhost:5173')).toBe(false)
    expect(isAppPage('http://localhost:5173/evil', 'http://localhost:5173')).toBe(false)
    expect(isAppPage('http://localhost:51730/', 'http://localhost:5173')).toBe(false)
    expect(isAppPage('not a url', built)).toBe(false)
  })
})
