#!/usr/bin/env node
// better-sqlite3 is a native addon: Node and Electron need it built for different ABIs.
// `node scripts/native-abi.mjs node|electron` rebuilds it only when the build on disk is
// for the other runtime, and remembers which one it is in node_modules/.autodidacta-abi.
import { execSync, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'

const target = process.argv[2]
if (target !== 'node' && target !== 'electron') {
  console.error('usage: native-abi.mjs node|electron')
  process.exit(2)
}
const stampFile = 'node_modules/.autodidacta-abi'
const require = createRequire(import.meta.url)

function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version
}

const wanted = target === 'node' ? `node-${process.versions.modules}` : `electron-${electronVersion()}`
const current = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null

if (target === 'node') {
  // Trust a load test over the stamp: the stamp is missing after a plain `npm ci`.
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], { stdio: 'ignore' })
  if (probe.status === 0) {
    if (current !== wanted) writeFileSync(stampFile, wanted)
    process.exit(0)
  }
  console.error('[native-abi] rebuilding better-sqlite3 for Node…')
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' })
} else {
  if (current === wanted) process.exit(0)
  console.error(`[native-abi] rebuilding native modules for Electron ${electronVersion()}…`)
  execSync('npx electron-builder install-app-deps', { stdio: 'inherit' })
}
writeFileSync(stampFile, wanted)
