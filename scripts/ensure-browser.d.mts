// Types of ./ensure-browser.mjs for the TypeScript that imports it (tests/support/browser.ts, its unit test).
export interface BrowserCandidate {
  path: string
  source: 'CHROMIUM_PATH' | 'system' | 'playwright'
}
/** Everything ensureBrowser looks at or runs, injected so a test can play any machine. */
export interface BrowserProbes {
  env: Record<string, string | undefined>
  platform: string
  isRoot: boolean
  exists(path: string): boolean
  /** Where Playwright's own Chromium is (or would be) installed; null without Playwright. */
  playwrightPath(): Promise<string | null>
  /** /etc/os-release, null where there is none. */
  osRelease(): string | null
  /** Runs a command (output shown unless quiet) and resolves to its exit status. */
  run(command: string, args: string[], options?: { quiet?: boolean; env?: Record<string, string> }): Promise<number>
  log(line: string): void
}
export type BrowserOutcome =
  | { ok: true; path: string; source: BrowserCandidate['source']; installed: null | 'playwright' | 'apt' }
  | { ok: false; reason: string; command: string }
export declare const SYSTEM_CHROMIUMS: string[]
export declare const APT_PACKAGES: string[]
export declare function browserCandidates(env: Record<string, string | undefined>, playwrightPath: string | null): BrowserCandidate[]
export declare function isDebianLike(osRelease: string | null): boolean
export declare function ensureBrowser(probes: BrowserProbes): Promise<BrowserOutcome>
